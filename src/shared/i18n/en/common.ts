/** English messages of the "common" namespace: words every screen uses (the source language: every key starts here). */
export default {
  close: 'Close',
  cancel: 'Cancel',
  save: 'Save',
  saving: 'Saving…',
  edit: 'Edit',
  delete: 'Delete',
  archive: 'Archive',
  open: 'Open',
  undo: 'Undo',
  loading: 'Loading…',
  none: 'None',
  unsaved: {
    title: 'Unsaved changes',
    dialog: 'Your changes in this form are not saved. Close it and lose them?',
    leave: 'Your changes on this screen are not saved. Leave and lose them?',
    discard: 'Discard changes',
    keepEditing: 'Keep editing',
  },
  table: {
    empty: 'Nothing here yet.',
    pages: '{{table}} pages',
    range: '{{from}}–{{to}} of {{total}}',
    previous: 'Previous',
    next: 'Next',
    rowMenu: 'Row actions',
  },
} as const
