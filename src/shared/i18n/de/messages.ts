/**
 * German for the English sentences of field errors and backend messages, keyed by
 * their shape (numbers as #, quoted user text as “…”; see ../messages.ts), one file
 * per area under ./messages.
 */
import shared from './messages/shared'
import people from './messages/people'
import introductions from './messages/introductions'
import followup from './messages/followup'
import sync from './messages/sync'
import files from './messages/files'
import settings from './messages/settings'
import graph from './messages/graph'
import insights from './messages/insights'
import reports from './messages/reports'

const messages: Record<string, string> = { ...shared, ...people, ...introductions, ...followup, ...sync, ...files, ...settings, ...graph, ...insights, ...reports }
export default messages
