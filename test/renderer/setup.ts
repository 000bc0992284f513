import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'
import { i18n } from '../../src/renderer/src/ui/i18n'

afterEach(() => {
  cleanup()
  // A test that rendered in German (LocaleScope) leaves the next one in English.
  if (i18n.language !== 'en') void i18n.changeLanguage('en')
})
