import type { Catalog } from '../types'
import type en from '../en/graph'

/** German messages of the "graph" namespace: the same keys as English (the type checks it). */
const de: Catalog<typeof en> = {
}
export default de
