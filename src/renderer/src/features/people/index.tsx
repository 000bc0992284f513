import type { ScreenProps } from '../../ui/nav'

export function PeopleScreen(_props: ScreenProps) {
  return <h1>People</h1>
}
