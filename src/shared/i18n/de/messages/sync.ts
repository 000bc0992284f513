/** German for English messages (sync): shape (numbers as #, quoted text as “…”) -> German. See ../../messages.ts. */
const messages: Record<string, string> = {
  'Paste the invitation.': 'Fügen Sie die Einladung ein.',
  'That conflict was already resolved.': 'Dieser Konflikt wurde bereits gelöst.',
  'The open network is not a chapter network.': 'Das geöffnete Netzwerk ist kein Chapter-Netzwerk.',
  'Pick two different introductions.': 'Wählen Sie zwei verschiedene Empfehlungen.',
  'One of the two introductions is no longer here.': 'Eine der beiden Empfehlungen gibt es nicht mehr.',
  'These two introductions are not between the same people.': 'Diese beiden Empfehlungen betreffen nicht dieselben Personen.',
  'The chapter server refused this invitation: its password is wrong or it was replaced by a newer invitation.':
    'Der Chapter-Server hat diese Einladung abgelehnt: Ihr Passwort ist falsch oder sie wurde durch eine neuere Einladung ersetzt.',
  'This invitation was revoked: the chapter admin removed this member.': 'Diese Einladung wurde widerrufen: Der Chapter-Admin hat dieses Mitglied entfernt.',
  'The open network is not a chapter network: join a chapter first (File > Join a chapter…).':
    'Das geöffnete Netzwerk ist kein Chapter-Netzwerk: Treten Sie zuerst einem Chapter bei (Datei > Einem Chapter beitreten…).',
  'The chapter details in this network file are damaged: join the chapter again with your invitation.':
    'Die Chapter-Angaben in dieser Netzwerkdatei sind beschädigt: Treten Sie dem Chapter mit Ihrer Einladung erneut bei.',
  'The chapter admin removed you from the chapter: this copy is read-only.': 'Der Chapter-Admin hat Sie aus dem Chapter entfernt: Diese Kopie ist schreibgeschützt.',
}
export default messages
