import { describe, expect, it } from 'vitest'
import { buildNetwork, foldTies, recordPrior } from '../../../src/core/insights/network'
import { detectCommunities } from '../../../src/core/insights/communities'
import { powerTeams, suggestMeetings } from '../../../src/core/insights/powerTeams'

describe('foldTies', () => {
  it('one row per pair: introductions each way with won/decided, shared ones around a third person, contacts, last date', () => {
    const ties = foldTies({
      intros: [
        ['b', 'a', 'p', 1, 1, '2026-01-05'],
        ['a', 'b', 'q', 0, 1, '2026-02-01'],
        ['a', 'b', 'q', 0, 0, '2025-12-01'],
      ],
      contacts: [
        ['a', 'p', '2026-03-01'],
        ['x', 'x', '2026-03-01'],
      ],
    })
    const by = (a: string, b: string) => ties.find((t) => t.a === a && t.b === b)
    expect(ties).toHaveLength(5)
    expect(by('a', 'b')).toEqual({ a: 'a', b: 'b', ab: 2, ba: 1, abWon: 0, abDecided: 1, baWon: 1, baDecided: 1, shared: 0, contacts: 0, last: '2026-02-01' })
    // a-p: a received p from b (shared) and a later contact; b-p: b introduced p.
    expect(by('a', 'p')).toMatchObject({ ab: 0, ba: 0, shared: 1, contacts: 1, last: '2026-03-01' })
    expect(by('b', 'p')).toMatchObject({ shared: 1, contacts: 0, last: '2026-01-05' })
    expect(by('a', 'q')).toMatchObject({ shared: 2, last: '2026-02-01' })
    expect(by('b', 'q')).toMatchObject({ shared: 2, last: '2026-02-01' })
  })
})

/** Two accountants and two lawyers who are your partners; elsewhere an accountant and a lawyer exchange won work. */
function professions() {
  const person = (id: string, profession: string | null, isMe = false, groups: string[] = []) => ({
    id,
    name: id.toUpperCase(),
    company: null,
    profession,
    email: null,
    isMe,
    madeWon: 0,
    madeDecided: 0,
    groups,
  })
  const people = [
    person('me', 'Coach', true),
    person('acc1', 'Accountant'),
    person('acc2', 'Accountant'),
    person('law1', 'Lawyer'),
    person('law2', 'Lawyer'),
    person('accX', 'Accountant', false, ['Chapter']),
    person('lawX', 'Lawyer', false, ['Chapter']),
    person('banker', 'Banker', false, ['Chapter']),
  ]
  const intro = (r: string, v: string, p: string, won: number): [string, string, string, number, number, string] => [r, v, p, won, 1, '2026-05-01']
  const ties = foldTies({
    intros: [
      intro('acc1', 'me', 'c1', 1),
      intro('acc2', 'me', 'c2', 0),
      intro('me', 'law1', 'c3', 1),
      intro('law2', 'me', 'c4', 1),
      // Elsewhere: accountants and lawyers exchange converting work; the banker sends won work to lawyers.
      intro('accX', 'lawX', 'c5', 1),
      intro('lawX', 'accX', 'c6', 1),
      intro('banker', 'lawX', 'c7', 1),
      intro('banker', 'accX', 'c8', 1),
      // acc1 and law1 already know each other.
      intro('acc1', 'law1', 'c9', 0),
    ],
    contacts: [],
  })
  const clients = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9'].map((c) => person(c, null))
  return buildNetwork({ people: [...people, ...clients], ties, today: '2026-06-01', prior: recordPrior(1, 2, 5) })
}

describe('power teams and meetings from a hand-made network', () => {
  it('flows count each direction; gaps are converting professions none of your partners has', () => {
    const net = professions()
    const pt = powerTeams(net)
    expect(pt.flows.find((f) => f.from === 'Accountant' && f.to === 'Lawyer')).toEqual({ from: 'Accountant', to: 'Lawyer', count: 2, won: 1, decided: 2, conversion: 0.5 })
    expect(pt.flows.find((f) => f.from === 'Banker' && f.to === 'Lawyer')).toMatchObject({ count: 1, won: 1 })
    expect(pt.flows.reduce((s, f) => s + f.count, 0)).toBe(9)
    expect(pt.gaps.map((g) => g.profession)).toEqual(['Banker'])
    expect(pt.gaps[0]).toMatchObject({ won: 2, decided: 2, conversion: 1, sentTo: ['Accountant', 'Lawyer'], people: [{ personId: 'banker', name: 'BANKER' }] })
  })

  it('suggests partners of converting professions who have not met, never a pair who already did', () => {
    const s = suggestMeetings(professions())
    const pairs = s.map((x) => [x.aId, x.bId].sort().join('+'))
    expect(pairs).not.toContain('acc1+law1')
    // Three pairs have not met; at most two per pair of professions are suggested.
    expect(pairs.sort()).toEqual(['acc1+law2', 'acc2+law1'])
    // Elsewhere = without you: accX and lawX both ways (won), and acc1 to law1 (lost).
    expect(s[0]!.reason).toBe(
      'Elsewhere in your network, Accountant and Lawyer exchanged 3 introductions and 2 closed (67% of 3 decided); ACC1 and LAW2 are both your partners and have not met.',
    )
  })

  it('communities are named after a group half of them share, else their main profession', () => {
    const net = professions()
    const c = detectCommunities(net)
    expect(c.communities.length).toBeGreaterThan(0)
    for (const x of c.communities) {
      expect(x.size).toBeGreaterThanOrEqual(3)
      const inChapter = x.memberIds.filter((id) => net.people.get(id)!.groups.includes('Chapter')).length
      if (inChapter * 2 >= x.size) expect(x.name).toBe('Chapter')
      else expect(x.name.startsWith(x.professions[0]?.profession ?? 'Community')).toBe(true)
    }
    // Four chapter members who all know each other (three coaches): the group's name wins over the profession.
    const withChapter = detectCommunities(
      buildNetwork({
        people: ['x', 'y', 'z', 'w'].map((id, i) => ({ id, name: id, company: null, profession: i < 3 ? 'Coach' : null, email: null, isMe: false, madeWon: 0, madeDecided: 0, groups: ['Chapter'] })),
        ties: foldTies({ intros: [['x', 'y', 'w', 1, 1, '2026-01-01'], ['y', 'z', 'w', 1, 1, '2026-01-01'], ['z', 'x', 'w', 0, 1, '2026-01-01']], contacts: [] }),
        today: '2026-06-01',
        prior: recordPrior(1, 2, 5),
      }),
    )
    expect(withChapter.communities.map((x) => [x.name, x.size])).toEqual([['Chapter', 4]])
  })
})
