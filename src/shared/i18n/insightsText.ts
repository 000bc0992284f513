import type { TFunction } from 'i18next'
import type { IntroducerPath, MeetingSuggestion, PathHop } from '../channels/insights'

/** The region formats the sentences use (the renderer's useFormat() has them). */
export interface Format {
  day(iso: string | null | undefined): string
  percent(share: number | null | undefined): string
  number(n: number | null | undefined): string
}

/**
 * The one-sentence explanations of Insights (screens), written in the user's language from
 * the parts the backend sends (the backend's English `why` is for files and logs).
 */
function hopText(h: PathHop, t: TFunction<'insights'>, fmt: Format): string {
  const intros = h.introductions ? t('why.introductions', { count: h.introductions }) : ''
  const contacts = h.contacts ? t('why.contacts', { count: h.contacts }) : ''
  const what = intros && contacts ? t('why.both', { introductions: intros, contacts }) : intros || contacts || t('why.tie')
  if (!h.last) return what
  return t(h.bothWays ? 'why.hopBothWays' : 'why.hop', { what, last: fmt.day(h.last) })
}

export function pathWhy(p: Pick<IntroducerPath, 'names' | 'explain'>, t: TFunction<'insights'>, fmt: Format): string {
  const { hops, record, prior } = p.explain
  const name = (i: number) => p.names[i] ?? '?'
  if (hops.length <= 1) return t('why.direct', { name: name(1), hop: hopText(hops[0] ?? { introductions: 0, contacts: 0, bothWays: false, last: null }, t, fmt) })
  const rest = hops
    .slice(1)
    .map((h, i) => t('why.whoKnows', { name: name(i + 2), hop: hopText(h, t, fmt) }))
    .join(', ')
  const recordText = record
    ? t('why.record', { share: fmt.percent(record.share), name: name(1), won: fmt.number(record.won), decided: fmt.number(record.decided), prior: fmt.percent(prior) })
    : t('why.noRecord', { name: name(1), prior: fmt.percent(prior) })
  return t('why.ask', { name: name(1), hop: hopText(hops[0]!, t, fmt), rest, record: recordText })
}

export function meetingReason(s: MeetingSuggestion, t: TFunction<'insights'>, fmt: Format): string {
  const vars = { p: s.aProfession, q: s.bProfession, count: s.count, won: fmt.number(s.won), a: s.aName, b: s.bName }
  return s.decided
    ? t('meet.reasonDecided', { ...vars, share: fmt.percent(s.won / s.decided), decided: fmt.number(s.decided) })
    : t('meet.reason', vars)
}
