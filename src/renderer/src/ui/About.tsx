import type { AppInfo } from '../../../shared/types'
import { Button } from './Button'
import { Dialog } from './Dialog'
import { useTranslation } from './i18n'

/** Help > About: the app's name and version, and which network file (and schema) is open. */
export function AboutDialog({ info, onClose }: { info: Pick<AppInfo, 'version' | 'dataFile' | 'schemaVersion' | 'networkName'>; onClose: () => void }) {
  const { t } = useTranslation('shell')
  const { t: tc } = useTranslation()
  return (
    <Dialog title={t('about.title')} onClose={onClose}>
      <p>{t('about.intro')}</p>
      <dl className="props" data-testid="about-facts">
        <dt>{t('about.version')}</dt>
        <dd>{info.version}</dd>
        <dt>{t('about.network')}</dt>
        <dd>{info.networkName}</dd>
        <dt>{t('about.dataFile')}</dt>
        <dd>{info.dataFile}</dd>
        <dt>{t('about.schemaVersion')}</dt>
        <dd>{info.schemaVersion}</dd>
      </dl>
      <div className="form-actions">
        <Button variant="primary" onClick={onClose}>
          {tc('close')}
        </Button>
      </div>
    </Dialog>
  )
}
