import { ConfirmDialog, useApiMutation, useToast, useTranslation, useUndoAction } from '../../ui'

/**
 * Archive (or restore) one person after a confirmation; the toast offers Undo.
 * The one archive action: the person's page and the list's row menu both use it.
 */
export function ArchivePersonDialog({ person, onDone }: { person: { id: string; name: string; archived: boolean }; onDone: () => void }) {
  const { t } = useTranslation('people')
  const archive = useApiMutation('people:archive')
  const toast = useToast()
  const undo = useUndoAction()
  const { archived, name } = person
  return (
    <ConfirmDialog
      title={archived ? t('archive.restoreTitle', { name }) : t('archive.archiveTitle', { name })}
      message={archived ? t('archive.restoreBody') : t('archive.archiveBody')}
      confirmLabel={archived ? t('archive.restore') : t('archive.archive')}
      danger={!archived}
      busy={archive.isPending}
      onCancel={onDone}
      onConfirm={() =>
        archive.mutate(
          { id: person.id, archived: !archived },
          {
            onSuccess: (r) => {
              toast.success(r.archivedAt ? t('archive.archived', { name: r.name }) : t('archive.restored', { name: r.name }), undo)
              onDone()
            },
            onError: (e) => {
              toast.error(e)
              onDone()
            },
          },
        )
      }
    />
  )
}
