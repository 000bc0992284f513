import type { ScreenProps } from '../../ui/nav'

export function IntroductionsScreen(_props: ScreenProps) {
  return <h1>Introductions</h1>
}
