import { dateToMs as parseDate, DAY_MS, msToDate as formatDate } from '../dates'
import { uuidv7 } from '../ids'
import { createRng, type Rng } from '../random'
import type { IntroKind, IntroOrigin, IntroStatus } from '../../shared/schemas'

/**
 * Deterministic generator of a realistic referral network: one owner ("you"),
 * partners met through a handful of networking groups, and prospects they
 * introduce over two years. Partners differ in how well their introductions
 * convert; inbound and true referrals convert better than outbound ones and
 * bare leads. Used for the first-run sample and, at larger sizes, by the bench.
 */

export interface GenPerson {
  id: string
  name: string
  company: string | null
  profession: string | null
  email: string | null
  phone: string | null
  city: string | null
  tags: string[]
  idealClient: string | null
  howMet: string | null
  introducedById: string | null
  isMe: boolean
  cadenceDays: number | null
  createdAt: string
}

export interface GenGroup {
  id: string
  name: string
  kind: string
  memberIds: string[]
}

export interface GenIntroduction {
  id: string
  referrerId: string
  receiverId: string
  prospectId: string
  date: string
  kind: IntroKind
  origin: IntroOrigin
  warmth: number
  needsService: boolean | null
  fitsProfile: boolean | null
  accepted: boolean | null
  status: IntroStatus
  statusDate: string
  valueMinor: number | null
  currency: string
  history: { id: string; status: IntroStatus; date: string }[]
}

export interface GenInteraction {
  id: string
  personId: string
  kind: 'one_to_one' | 'thank_you' | 'call' | 'meeting'
  date: string
  method: string | null
  introductionId: string | null
  notes: string | null
}

export interface GeneratedNetwork {
  people: GenPerson[]
  groups: GenGroup[]
  introductions: GenIntroduction[]
  interactions: GenInteraction[]
}

export interface GenerateOptions {
  seed?: number
  /** Total people including you (default 300). */
  people?: number
  /** Introductions per person (default 2 for the sample; the bench uses 10). */
  introsPerPerson?: number
  /** The last day of the generated history (default 2026-10-31). */
  today?: string
  /** Days of history (default 730). */
  spanDays?: number
  currency?: string
}

const FIRST = [
  'Ava', 'Ben', 'Chloe', 'Daniel', 'Elena', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jonas', 'Kira', 'Liam', 'Maya',
  'Noah', 'Olivia', 'Pavel', 'Quinn', 'Rosa', 'Samir', 'Tara', 'Umar', 'Vera', 'Will', 'Xenia', 'Yusuf', 'Zoe',
  'Amélie', 'Björn', 'Carmen', 'Dmitri', 'Émile', 'Fatima', 'Giulia', 'Hana', 'Ivan', 'Jasmine', 'Kofi', 'Lena',
  'Mateo', 'Nadia', 'Oscar', 'Priya', 'Rafael', 'Sofia', 'Tomás', 'Ursula', 'Viktor', 'Wen', 'Yara', 'Zane',
]
const LAST = [
  'Adams', 'Becker', 'Chen', 'Dubois', 'Evans', 'Fischer', 'García', 'Hansen', 'Ito', 'Jensen', 'Kowalski',
  'López', 'Müller', 'Nguyen', 'Okafor', 'Patel', 'Quist', 'Rossi', 'Schmidt', 'Tanaka', 'Usman', 'Varga',
  'Weber', 'Xu', 'Yilmaz', 'Zimmermann', "O'Brien", 'Novak', 'Silva', 'Khan', 'Moreau', 'Larsen', 'Bianchi',
]
/** Contact spheres: professions that serve the same clients and refer to each other. */
const PROFESSIONS: { name: string; value: [number, number]; ideal: string }[] = [
  { name: 'Accountant', value: [1200, 6000], ideal: 'Owner-run firms with 5–50 staff that have outgrown doing their own books.' },
  { name: 'Business lawyer', value: [1500, 12000], ideal: 'Founders raising money or signing their first big contracts.' },
  { name: 'Financial planner', value: [2000, 15000], ideal: 'Couples in their forties planning for school fees and retirement.' },
  { name: 'Mortgage broker', value: [1500, 5000], ideal: 'First-time buyers and self-employed people refinancing.' },
  { name: 'Estate agent', value: [3000, 20000], ideal: 'Families selling a home to move up or downsize.' },
  { name: 'Insurance broker', value: [400, 3000], ideal: 'Small businesses with vans, staff or premises.' },
  { name: 'Web designer', value: [2000, 12000], ideal: 'Service firms whose website no longer wins them work.' },
  { name: 'Marketing consultant', value: [1500, 9000], ideal: 'B2B firms that rely on word of mouth and want a steadier pipeline.' },
  { name: 'IT support', value: [800, 7000], ideal: 'Offices of 10–80 people without their own IT person.' },
  { name: 'Commercial printer', value: [300, 4000], ideal: 'Event organisers and retailers who print in volume.' },
  { name: 'Photographer', value: [400, 3000], ideal: 'Professionals who need portraits and companies launching products.' },
  { name: 'Interior designer', value: [2500, 18000], ideal: 'Homeowners renovating and offices moving premises.' },
  { name: 'Builder', value: [5000, 40000], ideal: 'Homeowners planning an extension or loft conversion.' },
  { name: 'Electrician', value: [300, 5000], ideal: 'Landlords and small commercial premises.' },
  { name: 'HR consultant', value: [1500, 10000], ideal: 'Growing companies hiring their tenth to fiftieth employee.' },
  { name: 'Business coach', value: [2000, 12000], ideal: 'Owners stuck doing everything themselves.' },
  { name: 'Caterer', value: [500, 6000], ideal: 'Companies hosting client events and offices with regular lunches.' },
  { name: 'Travel agent', value: [800, 8000], ideal: 'Companies organising team trips and incentive travel.' },
  { name: 'Signage maker', value: [400, 6000], ideal: 'Shops and offices opening or rebranding.' },
  { name: 'Solicitor (wills & probate)', value: [600, 4000], ideal: 'Families with young children and business owners planning succession.' },
]
const CITIES = ['Riverside', 'Northgate', 'Old Harbour', 'Millbrook', 'Eastfield', 'Westbury', 'Kingsley', 'Hillcrest']
const COMPANY_WORDS = ['Bright', 'Cedar', 'Harbour', 'Summit', 'Oak', 'Lumen', 'North', 'Clear', 'Keystone', 'Blue', 'Granite', 'Willow']
const COMPANY_SUFFIX = ['& Co', 'Partners', 'Studio', 'Group', 'Ltd', 'Associates', 'Works', 'Advisory']
const GROUPS: { name: string; kind: string }[] = [
  { name: 'Riverside Thursday Chapter', kind: 'chapter' },
  { name: 'Northgate Chamber of Commerce', kind: 'chamber' },
  { name: 'Early Birds Leads Club', kind: 'leads club' },
  { name: 'Women in Business Network', kind: 'network' },
  { name: 'Hillcrest Business Breakfast', kind: 'chapter' },
  { name: 'Old Harbour Professionals', kind: 'chamber' },
]
const TAGS = ['power partner', 'chapter officer', 'visitor', 'client', 'past client', 'speaker', 'mentor']

const KIND_FACTOR: Record<IntroKind, number> = { referral: 1.25, introduction: 0.95, lead: 0.4 }
const ORIGIN_FACTOR: Record<IntroOrigin, number> = { inbound: 1.45, outbound: 0.75 }

function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '')
}

/*
 * Date arithmetic is memoised: a network spans a few hundred distinct days but
 * millions of date operations (the 100k-person bench).
 */
const msByDate = new Map<string, number>()
const dateByMs = new Map<number, string>()
function dateToMs(d: string): number {
  let v = msByDate.get(d)
  if (v === undefined) {
    v = parseDate(d)
    msByDate.set(d, v)
  }
  return v
}
function msToDate(ms: number): string {
  let v = dateByMs.get(ms)
  if (v === undefined) {
    v = formatDate(ms)
    dateByMs.set(ms, v)
  }
  return v
}
function addDays(d: string, days: number): string {
  return msToDate(dateToMs(d) + days * DAY_MS)
}

function idAt(rng: Rng, date: string, jitterMs: number): string {
  return uuidv7(dateToMs(date) + jitterMs, rng.bytes)
}

export function generateNetwork(opts: GenerateOptions = {}): GeneratedNetwork {
  const seed = opts.seed ?? 42
  const rng = createRng(seed)
  const totalPeople = Math.max(2, opts.people ?? 300)
  const perPerson = opts.introsPerPerson ?? 2
  const today = opts.today ?? '2026-10-31'
  const span = opts.spanDays ?? 730
  const start = addDays(today, -span)
  const currency = opts.currency ?? 'EUR'
  const people: GenPerson[] = []
  const usedNames = new Map<string, number>()

  const makeName = (): string => {
    const base = `${rng.pick(FIRST)} ${rng.pick(LAST)}`
    const n = usedNames.get(base) ?? 0
    usedNames.set(base, n + 1)
    return n === 0 ? base : `${base} ${String.fromCharCode(65 + ((n - 1) % 26))}.`.replace(/ ([A-Z])\.$/, ' $1.')
  }
  const makeCompany = (prof: string): string =>
    rng.chance(0.3) ? `${rng.pick(COMPANY_WORDS)} ${prof.split(' ')[0]}` : `${rng.pick(COMPANY_WORDS)} ${rng.pick(COMPANY_SUFFIX)}`

  const randomDate = (from: string, to: string): string => {
    const a = dateToMs(from)
    const b = dateToMs(to)
    return msToDate(a + Math.floor(rng.next() * ((b - a) / DAY_MS + 1)) * DAY_MS)
  }

  // You.
  const me: GenPerson = {
    id: idAt(rng, start, 0),
    name: 'Sam Rivera',
    company: 'Rivera Consulting',
    profession: 'Business consultant',
    email: 'sam@rivera-consulting.example',
    phone: '+44 20 7946 0000',
    city: 'Riverside',
    tags: [],
    idealClient: 'Owner-managed service firms with 10–50 staff that want to grow without adding overhead.',
    howMet: null,
    introducedById: null,
    isMe: true,
    cadenceDays: null,
    createdAt: start,
  }
  people.push(me)

  // Partners: about a quarter of everyone, at least a handful.
  const partnerCount = Math.max(1, Math.min(totalPeople - 1, Math.round(totalPeople * 0.25)))
  const partners: (GenPerson & { quality: number; activity: number; profIdx: number })[] = []
  for (let i = 0; i < partnerCount; i++) {
    const profIdx = Math.floor(rng.next() * PROFESSIONS.length)
    const prof = PROFESSIONS[profIdx]!
    const name = makeName()
    const metDate = randomDate(addDays(start, -400), addDays(today, -30))
    // Quality: most partners are middling, a few convert very well, a few rarely.
    const quality = Math.min(0.95, Math.max(0.03, 0.38 + 0.2 * rng.normal()))
    // Activity: a Zipf-like spread, so a few partners send most introductions.
    const activity = 1 / Math.pow(i + 1, 0.8)
    const p = {
      id: idAt(rng, metDate, i + 1),
      name,
      company: makeCompany(prof.name),
      profession: prof.name,
      email: `${slug(name.split(' ')[0]!)}.${slug(name.split(' ').slice(1).join(''))}@example.com`,
      phone: rng.chance(0.7) ? `+44 7700 ${String(900000 + i).slice(-6)}` : null,
      city: rng.pick(CITIES),
      tags: rng.chance(0.25) ? [rng.pick(TAGS)] : [],
      idealClient: prof.ideal,
      howMet: null as string | null,
      introducedById: null as string | null,
      isMe: false,
      cadenceDays: rng.chance(0.5) ? rng.pick([30, 45, 60, 90]) : null,
      createdAt: metDate,
      quality,
      activity,
      profIdx,
    }
    partners.push(p)
    people.push(p)
  }

  // Groups and memberships: you belong to all; partners to one or two.
  const groupCount = Math.min(GROUPS.length, Math.max(1, Math.round(Math.log2(totalPeople))))
  const groups: GenGroup[] = GROUPS.slice(0, Math.max(3, Math.min(groupCount, 6))).map((g, i) => ({
    id: idAt(rng, start, 10_000 + i),
    name: g.name,
    kind: g.kind,
    memberIds: [me.id],
  }))
  for (const p of partners) {
    const g1 = rng.pick(groups)
    g1.memberIds.push(p.id)
    p.howMet = `Met at ${g1.name}`
    if (rng.chance(0.25)) {
      const g2 = rng.pick(groups)
      if (g2 !== g1) g2.memberIds.push(p.id)
    }
  }
  for (let i = 1; i < partners.length; i++) {
    if (rng.chance(0.15)) {
      const by = partners[Math.floor(rng.next() * i)]!
      partners[i]!.introducedById = by.id
      partners[i]!.howMet = `Introduced by ${by.name}`
    }
  }

  // Cumulative activity weights for picking referrers.
  const cum: number[] = []
  let acc = 0
  for (const p of partners) {
    acc += p.activity
    cum.push(acc)
  }
  const pickPartner = (): (typeof partners)[number] => {
    const x = rng.next() * acc
    let lo = 0
    let hi = cum.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cum[mid]! < x) lo = mid + 1
      else hi = mid
    }
    return partners[lo]!
  }

  const prospectCount = totalPeople - 1 - partnerCount
  const introCount = Math.round(totalPeople * perPerson)
  const introductions: GenIntroduction[] = []
  const interactions: GenInteraction[] = []
  const wonProspects: { id: string; date: string }[] = []
  const byId = new Map<string, GenPerson>(people.map((p) => [p.id, p]))
  let prospectsMade = 0

  for (let n = 0; n < introCount; n++) {
    const date = randomDate(start, today)
    const roll = rng.next()
    let referrer: GenPerson & { quality: number }
    let receiver: GenPerson
    let quality: number
    let receiverProf = PROFESSIONS[0]!
    if (roll < 0.62 || partners.length < 2) {
      // A partner introduces someone to you.
      referrer = pickPartner()
      receiver = me
      quality = referrer.quality
    } else if (roll < 0.86) {
      // You introduce someone to a partner (given).
      const to = pickPartner()
      referrer = { ...me, quality: 0.5 }
      receiver = to
      quality = to.quality
      receiverProf = PROFESSIONS[to.profIdx]!
    } else if (roll < 0.93 && wonProspects.length > 0) {
      // A past client introduces someone to you: spin-off business.
      const src = rng.pick(wonProspects)
      const srcPerson = byId.get(src.id)!
      referrer = { ...srcPerson, quality: 0.55 }
      receiver = me
      quality = 0.55
    } else {
      // Partners introducing each other.
      const a = pickPartner()
      let b = pickPartner()
      if (b.id === a.id) b = partners[(partners.indexOf(a) + 1) % partners.length]!
      referrer = a
      receiver = b
      quality = (a.quality + b.quality) / 2
      receiverProf = PROFESSIONS[b.profIdx]!
    }

    // The prospect: mostly someone new, until the prospect budget is used up.
    let prospectId: string
    if (prospectsMade < prospectCount) {
      const name = makeName()
      const p: GenPerson = {
        id: idAt(rng, date, 20_000 + n),
        name,
        company: rng.chance(0.8) ? makeCompany(rng.pick(PROFESSIONS).name) : null,
        profession: null,
        email: rng.chance(0.6) ? `${slug(name.split(' ')[0]!)}@${slug(name.split(' ').slice(1).join(''))}.example` : null,
        phone: null,
        city: rng.pick(CITIES),
        tags: [],
        idealClient: null,
        howMet: `Introduced by ${referrer.name}`,
        introducedById: referrer.id,
        isMe: false,
        cadenceDays: null,
        createdAt: date,
      }
      people.push(p)
      byId.set(p.id, p)
      prospectsMade++
      prospectId = p.id
    } else {
      let pick = people[1 + Math.floor(rng.next() * (people.length - 1))]!
      if (pick.id === referrer.id || pick.id === receiver.id) pick = people[partnerCount + 1] ?? partners[0]!
      if (pick.id === referrer.id || pick.id === receiver.id) continue
      prospectId = pick.id
    }

    const kind: IntroKind = rng.chance(0.5) ? 'referral' : rng.chance(0.6) ? 'introduction' : 'lead'
    const origin: IntroOrigin = rng.chance(kind === 'lead' ? 0.15 : 0.45) ? 'inbound' : 'outbound'
    const warmth = Math.max(1, Math.min(5, Math.round(3 + rng.normal() + (kind === 'referral' ? 0.7 : kind === 'lead' ? -1 : 0))))
    const pWin = Math.min(0.97, quality * KIND_FACTOR[kind] * ORIGIN_FACTOR[origin] * (0.8 + warmth * 0.08))

    // Walk the pipeline; recent introductions are more often still open.
    const age = (dateToMs(today) - dateToMs(date)) / DAY_MS
    const stages: IntroStatus[] = ['contacted', 'meeting', 'proposal']
    const history: GenIntroduction['history'] = [{ id: idAt(rng, date, n), status: 'new', date }]
    let d = date
    let status: IntroStatus = 'new'
    const openChance = age < 30 ? 0.7 : age < 90 ? 0.3 : 0.04
    const reach = rng.chance(openChance) ? Math.floor(rng.next() * 4) : 4
    for (let s = 0; s < Math.min(reach, 3); s++) {
      const next = addDays(d, rng.int(2, 18))
      if (next > today) break
      if (s > 0 && !rng.chance(0.55 + pWin * 0.4)) {
        break
      }
      d = next
      status = stages[s]!
      history.push({ id: idAt(rng, d, n + s + 1), status, date: d })
    }
    if (reach === 4) {
      const closeDate = addDays(d, rng.int(3, 35))
      if (closeDate <= today) {
        const won = rng.chance(pWin)
        status = won ? 'won' : rng.chance(kind === 'lead' ? 0.55 : 0.3) ? 'not_a_fit' : 'lost'
        d = closeDate
        history.push({ id: idAt(rng, d, n + 9), status, date: d })
      }
    }
    let valueMinor: number | null = null
    if (status === 'won') {
      const prof = receiver.id === me.id ? { value: [1500, 14000] as [number, number] } : receiverProf
      const [lo, hi] = prof.value
      valueMinor = Math.round((lo + (hi - lo) * Math.pow(rng.next(), 1.6)) / 10) * 1000
      if (receiver.id === me.id) wonProspects.push({ id: prospectId, date: d })
    } else if (status === 'proposal' && rng.chance(0.6)) {
      const [lo, hi] = receiverProf.value
      valueMinor = Math.round((lo + (hi - lo) * rng.next()) / 10) * 1000
    }
    const checks = kind === 'referral'
    const intro: GenIntroduction = {
      id: idAt(rng, date, 500_000 + n),
      referrerId: referrer.id,
      receiverId: receiver.id,
      prospectId,
      date,
      kind,
      origin,
      warmth,
      needsService: checks ? true : kind === 'lead' ? null : rng.chance(0.7),
      fitsProfile: checks ? true : kind === 'lead' ? null : rng.chance(0.6),
      accepted: checks ? true : kind === 'lead' ? false : true,
      status,
      statusDate: d,
      valueMinor,
      currency,
      history,
    }
    introductions.push(intro)
    // Most won introductions to you have been thanked; some are still owed a thank-you.
    if (status === 'won' && receiver.id === me.id && age > 20 && rng.chance(0.75)) {
      interactions.push({
        id: idAt(rng, d, 900_000 + n),
        personId: referrer.id,
        kind: 'thank_you',
        date: addDays(d, rng.int(0, 6)) > today ? d : addDays(d, rng.int(0, 6)),
        method: rng.pick(['email', 'card', 'call', 'gift', 'in_person']),
        introductionId: intro.id,
        notes: null,
      })
    }
  }

  // One-to-ones with partners, heavier for active ones.
  for (const p of partners) {
    const count = Math.min(12, Math.round(p.activity * 6 + rng.next() * 3))
    for (let k = 0; k < count; k++) {
      const d = randomDate(p.createdAt > start ? p.createdAt : start, today)
      interactions.push({
        id: idAt(rng, d, 950_000 + k),
        personId: p.id,
        kind: rng.chance(0.8) ? 'one_to_one' : 'call',
        date: d,
        method: null,
        introductionId: null,
        notes: null,
      })
    }
  }

  introductions.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1))
  return { people, groups, introductions, interactions }
}
