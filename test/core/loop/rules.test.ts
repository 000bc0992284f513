import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  askFollowUpDue,
  cadenceStatus,
  compareTasks,
  compareThankItems,
  isAskAnswered,
  isWinThanked,
  shouldOfferAsk,
  snoozeDate,
} from '../../../src/core/loop/rules'
import { addDays, addMonths } from '../../../src/core/dates'

describe('thanks', () => {
  it('a thank-you before the win does not thank the win', () => {
    expect(isWinThanked('2026-05-10', ['2026-04-01'])).toBe(false)
    expect(isWinThanked('2026-05-10', ['2026-04-01', '2026-05-10'])).toBe(true)
    expect(isWinThanked('2026-05-10', [])).toBe(false)
  })
  it('orders newest first, then most valuable', () => {
    const items = [
      { id: 'a', since: '2026-05-01', value: 100 },
      { id: 'b', since: '2026-06-01', value: null },
      { id: 'c', since: '2026-06-01', value: 500 },
    ]
    expect([...items].sort(compareThankItems).map((i) => i.id)).toEqual(['c', 'b', 'a'])
  })
})

describe('asks', () => {
  const ask = { date: '2026-01-31', answeredAt: null, introFromClientDate: null }
  it('a follow-up is due N days after an unanswered ask, across month ends', () => {
    expect(askFollowUpDue(ask, 7, '2026-02-06')).toBe(false)
    expect(askFollowUpDue(ask, 7, '2026-02-07')).toBe(true)
    expect(askFollowUpDue({ ...ask, date: '2024-02-25' }, 7, '2024-03-03')).toBe(true) // leap year: Feb 29 exists
    expect(askFollowUpDue({ ...ask, date: '2024-02-25' }, 7, '2024-03-02')).toBe(false)
  })
  it('is answered when marked or when the client made an introduction', () => {
    expect(isAskAnswered({ ...ask, answeredAt: '2026-02-02' })).toBe(true)
    expect(isAskAnswered({ ...ask, introFromClientDate: '2026-02-03' })).toBe(true)
    expect(askFollowUpDue({ ...ask, introFromClientDate: '2026-02-03' }, 7, '2026-03-01')).toBe(false)
  })
  it('offers an ask right after a win, once', () => {
    expect(shouldOfferAsk('2026-06-01', null, '2026-06-01', 60)).toBe(true)
    expect(shouldOfferAsk('2026-06-01', '2026-06-02', '2026-06-03', 60)).toBe(false)
    expect(shouldOfferAsk('2026-06-01', '2026-05-01', '2026-06-03', 60)).toBe(true)
    expect(shouldOfferAsk('2026-06-01', null, '2026-07-31', 60)).toBe(true)
    expect(shouldOfferAsk('2026-06-01', null, '2026-08-01', 60)).toBe(false)
  })
})

describe('cadence', () => {
  it('counts calendar days across month ends and leap years', () => {
    expect(cadenceStatus({ cadenceDays: 30, lastContact: '2026-01-31', since: '2025-01-01' }, '2026-03-02')).toEqual({
      dueDate: '2026-03-02',
      daysOverdue: 0,
      due: true,
    })
    expect(cadenceStatus({ cadenceDays: 30, lastContact: '2024-01-31', since: '2023-01-01' }, '2024-03-02').dueDate).toBe('2024-03-01')
    expect(cadenceStatus({ cadenceDays: 60, lastContact: '2025-12-15', since: '2025-01-01' }, '2026-01-01')).toMatchObject({
      due: false,
      daysOverdue: -43,
      dueDate: '2026-02-13',
    })
  })
  it('is due at once when never contacted', () => {
    expect(cadenceStatus({ cadenceDays: 45, lastContact: null, since: '2026-01-10' }, '2026-01-20')).toEqual({
      dueDate: '2026-01-10',
      daysOverdue: 10,
      due: true,
    })
  })
  it('the core month helper clamps Jan 31 + 1 month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29')
  })
  it('property: contact today is never due tomorrow for cadences over a day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 400 }), fc.integer({ min: 0, max: 20000 }), (cad, off) => {
        const d = addDays('2000-01-01', off)
        expect(cadenceStatus({ cadenceDays: cad, lastContact: d, since: '1999-01-01' }, addDays(d, 1)).due).toBe(false)
        expect(cadenceStatus({ cadenceDays: cad, lastContact: d, since: '1999-01-01' }, addDays(d, cad)).due).toBe(true)
      }),
    )
  })
})


describe('tasks', () => {
  it('snooze moves the due date forward from today, across month ends', () => {
    expect(snoozeDate('2026-01-20', '2026-01-31', 1)).toBe('2026-02-01')
    expect(snoozeDate('2026-03-10', '2026-02-27', 3)).toBe('2026-03-13')
  })
  it('overdue first', () => {
    const t = [
      { id: 'b', dueDate: '2026-06-20' },
      { id: 'a', dueDate: '2026-06-01' },
    ]
    expect(t.sort(compareTasks).map((x) => x.id)).toEqual(['a', 'b'])
  })
})
