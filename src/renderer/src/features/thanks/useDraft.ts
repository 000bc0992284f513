import { useMemo } from 'react'
import { renderMessage, type TemplateKind } from '../../../../core/templates/render'
import { templateValues } from '../../../../core/templates/values'
import type { DraftContext } from '../../../../shared/channels/followup'
import { useApi } from '../../ui/api'

export function renderDraft(kind: TemplateKind, tpl: { subject: string; body: string }, ctx: DraftContext, common?: string) {
  const values = templateValues({
    me: ctx.me,
    partner: ctx.partner,
    prospect: ctx.prospect,
    introduction: ctx.introduction
      ? { ...ctx.introduction, common: common ?? null }
      : kind === 'introduction'
        ? { common: common ?? null }
        : null,
  })
  return renderMessage(tpl, values)
}

/** The records and the template for a message, and the message rendered from them. */
export function useDraft(
  kind: TemplateKind,
  input: { introductionId?: string; partnerId?: string; prospectId?: string } | null,
  common?: string,
) {
  const settings = useApi('followup:settings')
  const ctx = useApi('followup:context', input ?? {}, { enabled: input !== null })
  const draft = useMemo(() => {
    if (!settings.data || !ctx.data) return null
    return renderDraft(kind, settings.data.templates[kind], ctx.data, common)
  }, [settings.data, ctx.data, kind, common])
  return { draft, context: ctx.data ?? null, error: settings.error ?? ctx.error, loading: settings.isLoading || ctx.isLoading }
}
