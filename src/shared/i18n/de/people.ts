import type { Catalog } from '../types'
import type en from '../en/people'

/** German messages of the "people" namespace: the same keys as English (the type checks it). */
const de: Catalog<typeof en> = {
}
export default de
