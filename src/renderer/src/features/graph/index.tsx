export { NetworkScreen } from './NetworkScreen'
