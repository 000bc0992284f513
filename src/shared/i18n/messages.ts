/**
 * Messages written in English outside the renderer (zod field errors in
 * src/shared, AppError messages from the backend), shown in the user's language.
 *
 * A message is looked up by its shape: every number in it becomes `#` ("At most
 * 500 characters." -> "At most # characters."), and the translation gets the
 * numbers back in order. A message with quoted user text ("“Ada” is already in
 * your network.") is matched with the quoted part as `“…”` and given back the same way.
 * A message that is not in the table is shown as it is (in English).
 */
import { PSEUDO, pseudoize, type UiLanguage } from './index'
import deMessages from './de/messages'

const NUM = /-?\d+(?:[.,]\d+)*/g
const QUOTED = /“[^”]*”/g

export function messageShape(msg: string): string {
  return msg.replace(QUOTED, '“…”').replace(NUM, '#')
}

function fill(template: string, msg: string): string {
  const nums = msg.replace(QUOTED, '').match(NUM) ?? []
  const quotes = msg.match(QUOTED) ?? []
  let n = 0
  let q = 0
  return template.replace(/#|“…”/g, (m) => (m === '#' ? (nums[n++] ?? m) : (quotes[q++] ?? m)))
}

/** The message in `lang`: German from the table, pseudo when the table knows it, else the English text. */
export function translateMessage(msg: string, lang: UiLanguage): string {
  if (lang === 'en' || !msg) return msg
  const shape = messageShape(msg)
  if (!Object.prototype.hasOwnProperty.call(deMessages, shape)) return msg
  return lang === PSEUDO ? pseudoize(msg) : fill(deMessages[shape]!, msg)
}
