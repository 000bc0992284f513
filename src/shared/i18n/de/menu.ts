import type { Catalog } from '../types'
import type en from '../en/menu'

/** German messages of the "menu" namespace: the same keys as English (the type checks it). */
const de: Catalog<typeof en> = {
}
export default de
