import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCluster, type PgCluster } from '../../helpers/pg'

let pgc: PgCluster
beforeAll(async () => {
  pgc = await startCluster()
})
afterAll(async () => {
  await pgc?.stop()
})

describe('the throwaway PostgreSQL cluster', () => {
  it('serves loopback connections with password authentication, databases from a template, and survives an immediate restart', async () => {
    await pgc.createDatabase('tpl')
    await pgc.query('CREATE TABLE t (x int)', [], 'tpl')
    await pgc.query('INSERT INTO t VALUES (1), (2)', [], 'tpl')
    await pgc.createDatabase('copy1', 'tpl')
    const r = await pgc.query<{ n: string }>('SELECT count(*) AS n FROM t', [], 'copy1')
    expect(Number(r.rows[0]!.n)).toBe(2)
    await pgc.query('INSERT INTO t VALUES (3)', [], 'copy1')
    await pgc.restartImmediate()
    const r2 = await pgc.query<{ n: string }>('SELECT count(*) AS n FROM t', [], 'copy1')
    expect(Number(r2.rows[0]!.n)).toBe(3)
    const addr = await pgc.query<{ a: string }>('SELECT inet_server_addr()::text AS a')
    expect(addr.rows[0]!.a).toMatch(/^127\.0\.0\.1/)
  })
})
