import { uuidv7 } from '../../core/ids'
import { addDays, daysBetween } from '../../core/dates'
import { isBuiltMailto } from '../../core/mailto'
import {
  LOOP_DEFAULTS,
  askFollowUpDate,
  askFollowUpDue,
  askFollowUpKey,
  cadenceStatus,
  compareThankItems,
  daysWaiting,
  isAskAnswered,
  isReceiptThanked,
  isWinThanked,
  shouldOfferAsk,
  snoozeDate,
} from '../../core/loop/rules'
import { LAPSE, lapseOf, lapseWindows } from '../../core/analytics/scorecard'
import { AppError, notFound } from '../../shared/errors'
import { LIST_CAP } from '../../shared/channels/followup'
import type {
  AskItem,
  DraftContext,
  KeepInTouchItem,
  LapsingItem,
  OpenAsk,
  TaskItem,
  ThankItem,
  Today,
  followupChannels,
} from '../../shared/channels/followup'
import { tx, type Db } from '../db/connection'
import {
  asksWithState,
  cadenceCandidates,
  closeRuleTask,
  getInteraction,
  getPersonCard,
  getTaskRow,
  insertInteraction,
  insertTask,
  type InteractionWrite,
  type IntroCandidateRow,
  lastContacted,
  listInteractions,
  listOpenTasks,
  money,
  recentReceived,
  referralFlows,
  setAnswered,
  setTaskDue,
  setTaskStatus,
  softDeleteInteraction,
  toTask,
  unthankedWins,
  wonReceived,
} from '../db/followup'
import { getIntroRow } from '../db/introductions'
import { getMeId, personExists } from '../db/people'
import { readSetting } from '../db/settings'
import { isSafeExternalUrl } from '../external'
import { nowIso, todayIso, type ServiceContext } from './context'
import { createIntroduction, refuseFutureDate } from './introductions'
import type { SliceHandlers } from './types'

const thankItem = (r: IntroCandidateRow, since: string, today: string): ThankItem => ({
  introductionId: r.id,
  referrerId: r.referrer_id,
  referrerName: r.referrer_name,
  prospectId: r.prospect_id,
  prospectName: r.prospect_name,
  status: r.status,
  since,
  daysWaiting: daysWaiting(since, today),
  value: money(r.value_minor),
  currency: r.currency,
})

const byThankOrder = (a: ThankItem, b: ThankItem): number =>
  compareThankItems({ id: a.introductionId, since: a.since, value: a.value }, { id: b.introductionId, since: b.since, value: b.value })

/** Creates the ask follow-up tasks that are due and closes the ones whose ask got answered. */
function materialiseAskFollowUps(ctx: ServiceContext, today: string, delay: number): number {
  const db = ctx.store.db
  const now = nowIso(ctx)
  let created = 0
  for (const a of asksWithState(db, true)) {
    const state = { date: a.date, answeredAt: a.answered_at, introFromClientDate: a.intro_from }
    if (a.task_id === null) {
      if (!askFollowUpDue(state, delay, today)) continue
      const added = insertTask(
        db,
        uuidv7(ctx.now().getTime()),
        {
          kind: 'ask_followup',
          title: `Follow up your ask to ${a.person_name}`,
          personId: a.person_id,
          introductionId: a.introduction_id,
          interactionId: a.id,
          dueDate: askFollowUpDate(a.date, delay),
          notes: null,
          ruleKey: askFollowUpKey(a.id),
        },
        now,
      )
      if (added) created++
    } else if (a.task_status === 'open' && isAskAnswered(state)) {
      setTaskStatus(db, a.task_id, 'done', now)
    }
  }
  return created
}

/**
 * Won introductions to you still waiting for a thank-you, in the Today view's
 * order: the one "thanked" rule, read by the Today view and the printable report.
 */
export function thankWonItems(db: Db, me: string, today: string): { items: ThankItem[]; total: number } {
  const wins = unthankedWins(db, me, today, LIST_CAP)
  const items = wins.rows
    .filter((r) => !isWinThanked(r.status_date, r.last_thank ? [r.last_thank] : []))
    .map((r) => thankItem(r, r.status_date, today))
    .sort(byThankOrder)
  return { items, total: wins.total }
}

export function computeToday(ctx: ServiceContext): Today {
  const db = ctx.store.db
  const s = {
    askFollowUpDays: readSetting(db, 'followup.askFollowUpDays'),
    defaultCadenceDays: readSetting(db, 'followup.defaultCadenceDays'),
  }
  const today = todayIso(ctx)
  const me = getMeId(db)
  return tx(db, () => {
    const created = materialiseAskFollowUps(ctx, today, s.askFollowUpDays)
    const tasks: TaskItem[] = listOpenTasks(db).map((r) => toTask(r, daysBetween(r.due_date, today)))
    if (!me)
      return {
        today,
        meId: null,
        thankWon: [],
        thankReceived: [],
        askNow: [],
        openAsks: [],
        tasks,
        keepInTouch: [],
        lapsing: [],
        created,
        totals: { thankWon: 0, thankReceived: 0, askNow: 0, keepInTouch: 0, lapsing: 0 },
      }

    const wins = thankWonItems(db, me, today)
    const thankWon = wins.items
    const thankReceived = recentReceived(db, me, addDays(today, -LOOP_DEFAULTS.receivedThankWindowDays))
      .filter((r) => r.date <= today && !isReceiptThanked(r.last_thank ? [r.last_thank] : []))
      .map((r) => thankItem(r, r.date, today))
      .sort(byThankOrder)

    const askNow: AskItem[] = []
    const seen = new Set<string>()
    for (const r of wonReceived(db, me, addDays(today, -LOOP_DEFAULTS.askWindowDays))) {
      if (seen.has(r.prospect_id) || !shouldOfferAsk(r.status_date, r.last_ask, today, LOOP_DEFAULTS.askWindowDays)) continue
      seen.add(r.prospect_id)
      askNow.push({
        introductionId: r.id,
        clientId: r.prospect_id,
        clientName: r.prospect_name,
        clientEmail: r.prospect_email,
        referrerName: r.referrer_name,
        wonDate: r.status_date,
        value: money(r.value_minor),
        currency: r.currency,
      })
    }

    const openAsks: OpenAsk[] = asksWithState(db, false)
      .filter((a) => !isAskAnswered({ date: a.date, answeredAt: a.answered_at, introFromClientDate: a.intro_from }))
      .map((a) => ({
        interactionId: a.id,
        clientId: a.person_id,
        clientName: a.person_name,
        date: a.date,
        followUpDate: askFollowUpDate(a.date, s.askFollowUpDays),
      }))
      .reverse()

    const keepInTouch: KeepInTouchItem[] = []
    for (const c of cadenceCandidates(db, me, s.defaultCadenceDays !== null)) {
      const cadence = c.cadence_days ?? s.defaultCadenceDays
      if (cadence === null) continue
      const st = cadenceStatus({ cadenceDays: cadence, lastContact: c.last_contact, since: c.since }, today)
      if (!st.due) continue
      keepInTouch.push({
        personId: c.id,
        name: c.name,
        company: c.company,
        cadenceDays: cadence,
        defaultCadence: c.cadence_days === null,
        lastContact: c.last_contact,
        dueDate: st.dueDate,
        daysOverdue: st.daysOverdue,
        plannedMeeting: c.planned,
      })
    }
    keepInTouch.sort((a, b) => b.daysOverdue - a.daysOverdue || a.name.localeCompare(b.name))

    const lapsing: LapsingItem[] = []
    for (const f of referralFlows(db, me, today, LAPSE.minIntroductions, lapseWindows(today))) {
      const st = lapseOf({ count: f.n, first: f.first, last: f.last, recent: f.recent, before: f.before }, today)
      if (st.reason === null || st.usualGapDays === null) continue // not lapsing (reason set exactly when lapsing)
      lapsing.push({
        personId: f.id,
        name: f.name,
        company: f.company,
        introductions: f.n,
        usualGapDays: st.usualGapDays,
        reason: st.reason,
        recent: f.recent,
        before: f.before,
        lastIntroduction: f.last,
        daysSinceLast: st.daysSinceLast,
        lastContact: f.last_contact,
        plannedMeeting: f.planned,
      })
    }
    lapsing.sort((a, b) => b.daysSinceLast / b.usualGapDays - a.daysSinceLast / a.usualGapDays || a.name.localeCompare(b.name))

    return {
      today,
      meId: me,
      thankWon,
      thankReceived: thankReceived.slice(0, LIST_CAP),
      askNow: askNow.slice(0, LIST_CAP),
      openAsks: openAsks.slice(0, LIST_CAP),
      tasks,
      keepInTouch: keepInTouch.slice(0, LIST_CAP),
      lapsing: lapsing.slice(0, LIST_CAP),
      created,
      totals: { thankWon: wins.total, thankReceived: thankReceived.length, askNow: askNow.length, keepInTouch: keepInTouch.length, lapsing: lapsing.length },
    }
  })
}

function draftContext(db: Db, input: { introductionId?: string | undefined; partnerId?: string | undefined; prospectId?: string | undefined }): DraftContext {
  const meId = getMeId(db)
  const meCard = meId ? getPersonCard(db, meId) : null
  let partnerId = input.partnerId
  let prospectId = input.prospectId
  let introduction: DraftContext['introduction'] = null
  if (input.introductionId) {
    const r = getIntroRow(db, input.introductionId)
    if (!r) throw notFound('introduction', input.introductionId, 'introductionId')
    partnerId ??= r.referrer_id
    prospectId ??= r.prospect_id
    introduction = { id: r.id, date: r.date, value: money(r.value_minor), currency: r.currency }
  }
  const card = (id: string | undefined, field: string) => {
    if (!id) return null
    const c = getPersonCard(db, id)
    if (!c) throw notFound('person', id, field)
    return c
  }
  return {
    me: meCard ? { ...meCard, peopleLikeMe: readSetting(db, 'followup.peopleLikeMe') } : null,
    partner: card(partnerId, 'partnerId'),
    prospect: card(prospectId, 'prospectId'),
    introduction,
  }
}

function mustPerson(db: Db, id: string, field: string): void {
  if (!personExists(db, id)) throw notFound('person', id, field)
}

function addInteraction(ctx: ServiceContext, w: InteractionWrite) {
  const db = ctx.store.db
  mustPerson(db, w.personId, 'personId')
  if (w.introductionId && !getIntroRow(db, w.introductionId)) throw notFound('introduction', w.introductionId, 'introductionId')
  // An interaction is something that happened (a planned meeting is a task): never dated after today.
  refuseFutureDate(ctx, w.date, 'date', w.kind === 'thank_you' ? 'A thank-you' : w.kind === 'one_to_one' ? 'A one-to-one' : 'An interaction')
  const id = uuidv7(ctx.now().getTime())
  insertInteraction(db, id, w, nowIso(ctx))
  const out = getInteraction(db, id)
  if (!out) throw new AppError('INTERNAL', 'The interaction was not saved.')
  return out
}

const CHECK_MESSAGES = {
  needsService: 'Only introduce someone who needs what the partner offers.',
  fitsProfile: "Only introduce someone who fits the partner's ideal client.",
  accepted: 'Only introduce someone who agreed to be introduced.',
} as const

interface ChecksInput {
  partnerId: string
  prospectId: string
  needsService: boolean
  fitsProfile: boolean
  accepted: boolean
  date?: string | undefined
  notes?: string | null | undefined
}

function checkPair(ctx: ServiceContext, c: ChecksInput): string {
  const db = ctx.store.db
  const me = getMeId(db)
  if (!me) throw new AppError('VALIDATION', 'Say who you are first (People: set yourself as "me").', 'partnerId')
  mustPerson(db, c.partnerId, 'partnerId')
  mustPerson(db, c.prospectId, 'prospectId')
  if (c.partnerId === me) throw new AppError('VALIDATION', 'Pick a partner other than yourself.', 'partnerId')
  if (c.prospectId === me) throw new AppError('VALIDATION', 'Pick someone other than yourself to introduce.', 'prospectId')
  if (c.partnerId === c.prospectId) throw new AppError('VALIDATION', 'The partner and the person must be different people.', 'prospectId')
  return me
}

export function followupHandlers(ctx: ServiceContext): SliceHandlers<typeof followupChannels> {
  const db = () => ctx.store.db
  return {
    'followup:today': () => computeToday(ctx),
    'followup:context': (input) => draftContext(db(), input),
    'followup:thank': ({ introductionId, date, method, notes }) =>
      tx(db(), () => {
        const r = getIntroRow(db(), introductionId)
        if (!r) throw notFound('introduction', introductionId, 'introductionId')
        return addInteraction(ctx, { personId: r.referrer_id, kind: 'thank_you', date, method, introductionId, notes: notes ?? null })
      }),
    'followup:ask': ({ personId, introductionId, date, method, notes }) =>
      tx(db(), () =>
        addInteraction(ctx, { personId, kind: 'ask', date, method: method ?? null, introductionId: introductionId ?? null, notes: notes ?? null }),
      ),
    'followup:askAnswered': ({ interactionId, answered }) =>
      tx(db(), () => {
        const i = getInteraction(db(), interactionId)
        if (!i) throw notFound('interaction', interactionId, 'interactionId')
        if (i.kind !== 'ask') throw new AppError('VALIDATION', 'Only an ask can be marked answered.', 'interactionId')
        setAnswered(db(), interactionId, answered ? todayIso(ctx) : null, nowIso(ctx))
        if (answered) {
          closeRuleTask(db(), askFollowUpKey(interactionId), nowIso(ctx))
        }
        const out = getInteraction(db(), interactionId)
        if (!out) throw notFound('interaction', interactionId, 'interactionId')
        return out
      }),
    'followup:makeIntroduction': (c) =>
      tx(db(), () => {
        const me = checkPair(ctx, c)
        for (const k of ['needsService', 'fitsProfile', 'accepted'] as const)
          if (!c[k]) throw new AppError('VALIDATION', CHECK_MESSAGES[k], k)
        const date = c.date ?? todayIso(ctx)
        const introduction = createIntroduction(ctx, {
          referrerId: me,
          receiverId: c.partnerId,
          prospect: { id: c.prospectId },
          date,
          kind: 'referral',
          origin: 'outbound',
          needsService: true,
          fitsProfile: true,
          accepted: true,
          status: 'new',
          notes: c.notes ?? null,
        })
        const interaction = addInteraction(ctx, {
          personId: c.partnerId,
          kind: 'email',
          date,
          method: 'email',
          introductionId: introduction.id,
          notes: c.subject.trim() || 'Introduction email',
        })
        return { introduction, interaction }
      }),
    'followup:saveLead': (c) =>
      tx(db(), () => {
        const me = checkPair(ctx, c)
        return createIntroduction(ctx, {
          referrerId: me,
          receiverId: c.partnerId,
          prospect: { id: c.prospectId },
          date: c.date ?? todayIso(ctx),
          kind: 'lead',
          origin: 'outbound',
          needsService: c.needsService,
          fitsProfile: c.fitsProfile,
          accepted: c.accepted,
          status: 'new',
          notes: c.notes ?? null,
        })
      }),
    'interactions:list': ({ personId, limit }) => {
      mustPerson(db(), personId, 'personId')
      return { items: listInteractions(db(), personId, limit), lastContacted: lastContacted(db(), personId) }
    },
    'interactions:create': (w) =>
      tx(db(), () =>
        addInteraction(ctx, {
          personId: w.personId,
          kind: w.kind,
          date: w.date,
          method: w.method ?? null,
          introductionId: w.introductionId ?? null,
          notes: w.notes ?? null,
        }),
      ),
    'interactions:delete': ({ id }) =>
      tx(db(), () => {
        if (!getInteraction(db(), id)) throw notFound('interaction', id, 'id')
        softDeleteInteraction(db(), id, nowIso(ctx))
        return { id }
      }),
    'tasks:create': (t) =>
      tx(db(), () => {
        if (t.personId) mustPerson(db(), t.personId, 'personId')
        const id = uuidv7(ctx.now().getTime())
        insertTask(
          db(),
          id,
          { kind: t.kind, title: t.title, personId: t.personId ?? null, introductionId: null, interactionId: null, dueDate: t.dueDate, notes: t.notes ?? null, ruleKey: null },
          nowIso(ctx),
        )
        return taskOut(id)
      }),
    'tasks:done': ({ id }) => setStatus(id, 'done'),
    'tasks:dismiss': ({ id }) => setStatus(id, 'dismissed'),
    'tasks:snooze': ({ id, days }) =>
      tx(db(), () => {
        const r = getTaskRow(db(), id)
        if (!r) throw notFound('task', id, 'id')
        if (r.status !== 'open') throw new AppError('CONFLICT', 'Only an open task can be snoozed.', 'id')
        setTaskDue(db(), id, snoozeDate(r.due_date, todayIso(ctx), days), nowIso(ctx))
        return taskOut(id)
      }),
    'shell:openMailto': async ({ url }) => {
      if (!isBuiltMailto(url) || !isSafeExternalUrl(url))
        throw new AppError('VALIDATION', 'Only mailto: links made by the app can be opened.', 'url')
      if (!ctx.openExternal) return { opened: false }
      await ctx.openExternal(url)
      return { opened: true }
    },
  }

  function taskOut(id: string): TaskItem {
    const r = getTaskRow(db(), id)
    if (!r) throw notFound('task', id, 'id')
    return toTask(r, daysBetween(r.due_date, todayIso(ctx)))
  }
  function setStatus(id: string, status: 'done' | 'dismissed'): TaskItem {
    return tx(db(), () => {
      const r = getTaskRow(db(), id)
      if (!r) throw notFound('task', id, 'id')
      setTaskStatus(db(), id, status, nowIso(ctx))
      return taskOut(id)
    })
  }
}
