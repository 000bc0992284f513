/** Display helpers for the Reports screen, in the user's region (useFormat: src/renderer/src/ui/i18n.tsx). */
import { useMemo } from 'react'
import type { Money } from '../../../../shared/channels/analytics'
import { useFormat } from '../../ui/i18n'

/** A share as a percentage without a region ("42%"). Screens use `useReportFormat().pct`, in the user's region. */
export const pct = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : `${Math.round(x * 100)}%`)

/** The Reports screen's numbers: percentages, counts, money (whole units), months, compact axis labels, in the user's region. */
export function useReportFormat() {
  const fmt = useFormat()
  return useMemo(() => {
    const money = (minor: number, currency: string): string => fmt.money(minor, currency, { whole: true })
    return {
      fmt,
      pct: (x: number | null | undefined): string => fmt.percent(x),
      num: (x: number | null | undefined, digits = 0): string => fmt.number(x, { maximumFractionDigits: digits }),
      /** One amount (minor units), rounded to whole units. */
      money,
      /**
       * Money per currency, rounded to whole units for the summaries: "€2,400 · £1,000";
       * with nothing to show, zero in the main currency.
       */
      moneyList: (list: readonly Money[], main: string): string => (list.length === 0 ? money(0, main) : fmt.moneyList(list, { whole: true })),
      /** A month on an axis: "Nov 2026", "Nov. 2026". */
      month: (m: string): string => fmt.month(m),
      /** Compact axis label: 1.2K, 35K, 1.4M ("1,4 Mio." in German). */
      compact: (x: number): string => fmt.number(x, { notation: 'compact', maximumFractionDigits: Math.abs(x) >= 1e4 ? 0 : 1 }),
      /** A signed count: "+3", "-2", "0". */
      signed: (x: number): string => (x > 0 ? `+${fmt.number(x)}` : fmt.number(x)),
    }
  }, [fmt])
}
export type ReportFormat = ReturnType<typeof useReportFormat>
