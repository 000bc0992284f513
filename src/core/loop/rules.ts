import { addDays, daysBetween } from '../dates'
import { SETTINGS } from '../../shared/settings'

/**
 * The rules that close the loop. Pure functions over calendar dates ('YYYY-MM-DD').
 * "Today" is passed in: the calendar date of the service clock in the user's time zone
 * (core/dates `todayIn`), so a rule never flips at UTC midnight for someone in Sydney.
 */

/** Defaults, also shown in the README. */
export const LOOP_DEFAULTS = {
  /** Days after an unanswered ask before a follow-up task appears. */
  askFollowUpDays: SETTINGS['followup.askFollowUpDays'].default,
  /** Won introductions stay in "Ask for an introduction" this many days after the win. */
  askWindowDays: 60,
  /** New introductions received are listed for a thank-you this many days after they arrived. */
  receivedThankWindowDays: 30,
} as const
// Lapsing ("Referrals lapsing") is the scorecards' rule: LAPSE and lapseOf in core/analytics/scorecard.ts.

export const CONTACT_KINDS = ['one_to_one', 'meeting', 'call'] as const

/**
 * A won introduction counts as thanked when a thank-you linked to it is dated on or
 * after the day it was won (a thank-you for receiving the introduction does not thank the win).
 */
export function isWinThanked(wonDate: string, thankDates: readonly string[]): boolean {
  return thankDates.some((d) => d >= wonDate)
}

/** A received introduction counts as thanked when any thank-you is linked to it. */
export function isReceiptThanked(thankDates: readonly string[]): boolean {
  return thankDates.length > 0
}

export interface ThankCandidate {
  /** The date the wait started (won date, or the date the introduction arrived). */
  since: string
  value: number | null
  id: string
}

/** Newest first, then most valuable, then id for a stable order. */
export function compareThankItems(a: ThankCandidate, b: ThankCandidate): number {
  if (a.since !== b.since) return a.since < b.since ? 1 : -1
  const av = a.value ?? -1
  const bv = b.value ?? -1
  if (av !== bv) return bv - av
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

export function daysWaiting(since: string, today: string): number {
  return Math.max(0, daysBetween(since, today))
}

export interface AskState {
  /** Date of the ask. */
  date: string
  /** Set when the user marked the ask answered. */
  answeredAt: string | null
  /** Date of the first introduction from the client on or after the ask, if any. */
  introFromClientDate: string | null
}

/** An ask is answered when marked so, or when the client has since made an introduction. */
export function isAskAnswered(a: AskState): boolean {
  return a.answeredAt !== null || a.introFromClientDate !== null
}

/** When the follow-up for an unanswered ask is due: `delayDays` after the ask. */
export function askFollowUpDate(askDate: string, delayDays: number): string {
  return addDays(askDate, delayDays)
}

/** Whether an ask's follow-up task should exist today. */
export function askFollowUpDue(a: AskState, delayDays: number, today: string): boolean {
  return !isAskAnswered(a) && askFollowUpDate(a.date, delayDays) <= today
}

/** A won client is offered for an ask from the win until `windowDays` later, unless already asked since the win. */
export function shouldOfferAsk(wonDate: string, lastAskDate: string | null, today: string, windowDays: number): boolean {
  if (lastAskDate !== null && lastAskDate >= wonDate) return false
  const age = daysBetween(wonDate, today)
  return age >= 0 && age <= windowDays
}

export interface CadenceInput {
  cadenceDays: number
  /** Last one-to-one, meeting or call; null when never. */
  lastContact: string | null
  /** When the person was added: the clock starts here when never contacted. */
  since: string
}

export interface CadenceStatus {
  dueDate: string
  /** Positive when overdue, 0 on the due day, negative when not yet due. */
  daysOverdue: number
  due: boolean
}

/** Next contact is due `cadenceDays` calendar days after the last contact (or after being added). */
export function cadenceStatus(c: CadenceInput, today: string): CadenceStatus {
  const from = c.lastContact ?? c.since
  const dueDate = c.lastContact === null ? from : addDays(from, c.cadenceDays)
  const daysOverdue = daysBetween(dueDate, today)
  return { dueDate, daysOverdue, due: daysOverdue >= 0 }
}

/** Snoozing moves the due date to `days` after today (never earlier than it was). */
export function snoozeDate(currentDue: string, today: string, days: number): string {
  const next = addDays(today, days)
  return next > currentDue ? next : addDays(currentDue, days)
}

/** Open tasks: overdue first (oldest due first), then by due date. */
export function compareTasks(a: { dueDate: string; id: string }, b: { dueDate: string; id: string }): number {
  if (a.dueDate !== b.dueDate) return a.dueDate < b.dueDate ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** The idempotency key of a rule-made task. */
export const askFollowUpKey = (askInteractionId: string): string => `ask-followup:${askInteractionId}`
