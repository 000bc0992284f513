/** The English catalogue, one module per namespace. */
import common from './common'
import shell from './shell'
import people from './people'
import introductions from './introductions'
import followup from './followup'
import sync from './sync'
import files from './files'
import settings from './settings'
import graph from './graph'
import insights from './insights'
import reports from './reports'
import menu from './menu'

export default { common, shell, people, introductions, followup, sync, files, settings, graph, insights, reports, menu } as const
