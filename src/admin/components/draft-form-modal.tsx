import { Button, FocusModal, Heading, Text } from "@medusajs/ui"
import type { ReactNode } from "react"

type Props = {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: string
  description: string
  /** Tailwind max-width of the form column. */
  width: string
  /** Saves a draft (false) or saves and issues / posts it (true). */
  submit: { mutate: (final: boolean, options: { onSuccess: () => void }) => void; isPending: boolean }
  canSaveDraft: boolean
  canFinish: boolean
  finishLabel: string
  finishTestId?: string
  children: ReactNode
}

/**
 * The frame of a "create" form: "Save draft" and the final action in the
 * header, the title and form below. The modal closes once the save succeeds.
 */
export const DraftFormModal = ({
  open,
  onOpenChange,
  title,
  description,
  width,
  submit,
  canSaveDraft,
  canFinish,
  finishLabel,
  finishTestId,
  children,
}: Props) => {
  const save = (final: boolean) => submit.mutate(final, { onSuccess: () => onOpenChange(false) })
  return (
    <FocusModal open={open} onOpenChange={onOpenChange}>
      <FocusModal.Content>
        <FocusModal.Header>
          <div className="flex items-center justify-end gap-x-2">
            <Button size="small" variant="secondary" disabled={!canSaveDraft} onClick={() => save(false)}>
              Save draft
            </Button>
            <Button
              size="small"
              disabled={!canFinish}
              isLoading={submit.isPending}
              onClick={() => save(true)}
              data-testid={finishTestId}
            >
              {finishLabel}
            </Button>
          </div>
        </FocusModal.Header>
        <FocusModal.Body className="flex flex-col items-center overflow-y-auto py-8">
          <div className={`flex w-full ${width} flex-col gap-y-6`}>
            <div>
              <Heading>{title}</Heading>
              <Text size="small" className="text-ui-fg-subtle">
                {description}
              </Text>
            </div>
            {children}
          </div>
        </FocusModal.Body>
      </FocusModal.Content>
    </FocusModal>
  )
}
