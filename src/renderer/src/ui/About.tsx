import type { AppInfo } from '../../../shared/types'
import { Button } from './Button'
import { Dialog } from './Dialog'

/** Help > About: the app's name and version, and which network file (and schema) is open. */
export function AboutDialog({ info, onClose }: { info: Pick<AppInfo, 'version' | 'dataFile' | 'schemaVersion' | 'networkName'>; onClose: () => void }) {
  return (
    <Dialog title="About Referral Map" onClose={onClose}>
      <p>Referral Map keeps track of who introduced whom in your referral network.</p>
      <dl className="props" data-testid="about-facts">
        <dt>Version</dt>
        <dd>{info.version}</dd>
        <dt>Network</dt>
        <dd>{info.networkName}</dd>
        <dt>Data file</dt>
        <dd>{info.dataFile}</dd>
        <dt>Schema version</dt>
        <dd>{info.schemaVersion}</dd>
      </dl>
      <div className="form-actions">
        <Button variant="primary" onClick={onClose}>
          Close
        </Button>
      </div>
    </Dialog>
  )
}
