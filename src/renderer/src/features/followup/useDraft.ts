import { useMemo } from 'react'
import { missingPlaceholders, renderMessage, type TemplateKind } from '../../../../core/templates/render'
import { templateValues } from '../../../../core/templates/values'
import type { DraftContext } from '../../../../shared/channels/followup'
import { useApi } from '../../ui/api'

function draftValues(kind: TemplateKind, ctx: DraftContext, common?: string) {
  return templateValues({
    me: ctx.me,
    partner: ctx.partner,
    prospect: ctx.prospect,
    introduction: ctx.introduction
      ? { ...ctx.introduction, common: common ?? null }
      : kind === 'introduction'
        ? { common: common ?? null }
        : null,
  })
}

export function renderDraft(kind: TemplateKind, tpl: { subject: string; body: string }, ctx: DraftContext, common?: string) {
  return renderMessage(tpl, draftValues(kind, ctx, common))
}

/** The placeholders of the template that have no value for these records (they would go out as `[name]`). */
export function draftMissing(kind: TemplateKind, tpl: { subject: string; body: string }, ctx: DraftContext, common?: string): string[] {
  return missingPlaceholders(tpl, draftValues(kind, ctx, common))
}

/** The records and the template for a message, the message rendered from them, and the values it is missing. */
export function useDraft(
  kind: TemplateKind,
  input: { introductionId?: string; partnerId?: string; prospectId?: string } | null,
  common?: string,
) {
  const settings = useApi('settings:get')
  const ctx = useApi('followup:context', input ?? {}, { enabled: input !== null })
  const out = useMemo(() => {
    if (!settings.data || !ctx.data) return { draft: null, missing: [] as string[] }
    const tpl = settings.data.followup.templates[kind]
    return { draft: renderDraft(kind, tpl, ctx.data, common), missing: draftMissing(kind, tpl, ctx.data, common) }
  }, [settings.data, ctx.data, kind, common])
  return {
    draft: out.draft,
    missing: out.missing,
    context: ctx.data ?? null,
    error: settings.error ?? ctx.error,
    loading: settings.isLoading || ctx.isLoading,
  }
}
