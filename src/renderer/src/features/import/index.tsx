import type { ScreenProps } from '../../ui/nav'

export function FilesScreen(_props: ScreenProps) {
  return <h1>Import/Export</h1>
}
