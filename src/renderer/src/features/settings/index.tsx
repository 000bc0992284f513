import type { ScreenProps } from '../../ui/nav'

export function SettingsScreen(_props: ScreenProps) {
  return <h1>Settings</h1>
}
