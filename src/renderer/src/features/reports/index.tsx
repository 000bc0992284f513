import type { ScreenProps } from '../../ui/nav'

export function ReportsScreen(_props: ScreenProps) {
  return <h1>Reports</h1>
}
