import type { ScreenProps } from '../../ui/nav'

export function FollowUpScreen(_props: ScreenProps) {
  return <h1>Thank & follow up</h1>
}
