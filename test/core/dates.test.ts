import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { addDays, addMonths, dateToMs, daysBetween, DAY_MS, msToDate, todayIn } from '../../src/core/dates'

const day = fc.integer({ min: dateToMs('1970-01-01') / DAY_MS, max: dateToMs('2199-12-31') / DAY_MS }).map((n) => msToDate(n * DAY_MS))

describe('dates', () => {
  it('parses and formats YYYY-MM-DD in UTC', () => {
    expect(dateToMs('2026-03-29')).toBe(Date.UTC(2026, 2, 29))
    expect(msToDate(Date.UTC(2026, 2, 29, 23, 59))).toBe('2026-03-29')
    fc.assert(
      fc.property(day, (d) => {
        expect(msToDate(dateToMs(d))).toBe(d)
      }),
    )
  })

  it('adds days across month, year and DST boundaries', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01')
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30') // EU DST change
    expect(addDays('2026-01-10', -10)).toBe('2025-12-31')
  })

  it('daysBetween inverts addDays', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -5000, max: 5000 }), (d, n) => {
        expect(daysBetween(d, addDays(d, n))).toBe(n)
      }),
    )
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364)
  })

  it('adds months, clamping to the last day of the month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29')
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28')
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15')
    expect(addMonths('2026-05-20', -17)).toBe('2024-12-20')
    expect(addMonths('2026-05-20', 0)).toBe('2026-05-20')
  })

  it('addMonths keeps the day when it exists and never overflows into the next month', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -240, max: 240 }), (d, m) => {
        const r = addMonths(d, m)
        const [y, mo, dd] = d.split('-').map(Number) as [number, number, number]
        const [ry, rmo, rd] = r.split('-').map(Number) as [number, number, number]
        expect(ry * 12 + rmo - (y * 12 + mo)).toBe(m)
        expect(rd).toBeLessThanOrEqual(dd)
        if (rd < dd) expect(addDays(r, 1).slice(8)).toBe('01')
      }),
    )
  })
})

describe('todayIn (today in the user time zone)', () => {
  it('is the calendar day in the zone, not the UTC one', () => {
    const t = new Date('2026-01-31T23:30:00Z')
    expect(todayIn(t, 'UTC')).toBe('2026-01-31')
    expect(todayIn(t, 'Europe/Berlin')).toBe('2026-02-01')
    expect(todayIn(new Date('2026-03-01T03:00:00Z'), 'America/Los_Angeles')).toBe('2026-02-28')
    expect(todayIn(new Date('2024-02-29T12:00:00Z'), 'Pacific/Kiritimati')).toBe('2024-03-01')
  })
  it('near midnight in far zones: Auckland is already tomorrow, Los Angeles still yesterday', () => {
    // 11:05 UTC on 1 March is 00:05 on 2 March in Auckland (NZDT, UTC+13) ...
    expect(todayIn(new Date('2026-03-01T11:05:00Z'), 'Pacific/Auckland')).toBe('2026-03-02')
    expect(todayIn(new Date('2026-03-01T10:55:00Z'), 'Pacific/Auckland')).toBe('2026-03-01')
    // ... and 07:55 UTC on 1 March is 23:55 on 28 February in Los Angeles (PST, UTC-8).
    expect(todayIn(new Date('2026-03-01T07:55:00Z'), 'America/Los_Angeles')).toBe('2026-02-28')
    expect(todayIn(new Date('2026-03-01T08:05:00Z'), 'America/Los_Angeles')).toBe('2026-03-01')
  })
  it('falls back to UTC for an unknown or empty zone', () => {
    expect(todayIn(new Date('2026-01-31T23:30:00Z'), 'Mars/Olympus')).toBe('2026-01-31')
    expect(todayIn(new Date('2026-01-31T23:30:00Z'), null)).toBe('2026-01-31')
  })
})
