import fc from 'fast-check'
import { buildNetwork, recordPrior, type InsightNetwork, type InsightPerson, type TieRow } from '../../../src/core/insights/network'

export const TODAY = '2026-06-15'

const id = (i: number) => `p${String(i).padStart(2, '0')}`

export interface RandomNet {
  people: InsightPerson[]
  ties: TieRow[]
}

/** A small random network: you (p00) and up to `max` others, each pair tied with some probability. */
export const arbNetwork = (max = 7): fc.Arbitrary<RandomNet> =>
  fc
    .record({
      n: fc.integer({ min: 2, max }),
      seedTies: fc.array(
        fc.record({
          on: fc.boolean(),
          ab: fc.integer({ min: 0, max: 4 }),
          ba: fc.integer({ min: 0, max: 4 }),
          shared: fc.integer({ min: 0, max: 3 }),
          contacts: fc.integer({ min: 0, max: 2 }),
          daysAgo: fc.integer({ min: 0, max: 1500 }),
        }),
        { minLength: 36, maxLength: 36 },
      ),
      records: fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 })), { minLength: 9, maxLength: 9 }),
      companies: fc.array(fc.constantFrom('Acme', 'Globex', null), { minLength: 9, maxLength: 9 }),
    })
    .map(({ n, seedTies, records, companies }) => {
      const people: InsightPerson[] = []
      for (let i = 0; i <= n; i++) {
        const [won, extra] = records[i]!
        people.push({
          id: id(i),
          name: i === 0 ? 'You' : `Person ${i}`,
          company: i === 0 ? null : companies[i]!,
          profession: null,
          email: null,
          isMe: i === 0,
          madeWon: won,
          madeDecided: won + extra,
          groups: [],
        })
      }
      const ties: TieRow[] = []
      let k = 0
      for (let i = 0; i <= n; i++)
        for (let j = i + 1; j <= n; j++) {
          const t = seedTies[k++ % seedTies.length]!
          if (!t.on) continue
          const total = t.ab + t.ba + t.shared + t.contacts
          const last = new Date(Date.parse(`${TODAY}T00:00:00Z`) - t.daysAgo * 86_400_000).toISOString().slice(0, 10)
          ties.push({
            a: id(i),
            b: id(j),
            ab: t.ab,
            ba: t.ba,
            abWon: 0,
            abDecided: 0,
            baWon: 0,
            baDecided: 0,
            shared: total === 0 ? 1 : t.shared,
            contacts: t.contacts,
            last,
          })
        }
      return { people, ties }
    })

export function netOf(r: RandomNet): InsightNetwork {
  return buildNetwork({ people: r.people, ties: r.ties, today: TODAY, prior: recordPrior(3, 10, 5) })
}
