import type { ScreenProps } from '../../ui/nav'

export function NetworkScreen(_props: ScreenProps) {
  return <h1>Network</h1>
}
