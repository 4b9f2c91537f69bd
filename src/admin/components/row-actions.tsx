import { EllipsisHorizontal } from "@medusajs/icons"
import { DropdownMenu, IconButton } from "@medusajs/ui"

export type RowAction = { label: string; onClick: () => void; danger?: boolean; testId?: string }

/**
 * The "…" menu at the end of a row, named for screen readers and tests
 * ("Actions for CM-00004"). Only actions the server would accept are
 * passed in; with none the menu is not shown at all.
 */
export const RowActions = ({
  label,
  actions,
}: {
  label: string
  actions: (RowAction | false | null | undefined)[]
}) => {
  const shown = actions.filter((a): a is RowAction => !!a)
  if (!shown.length) {
    return null
  }
  return (
    <div onClick={(e) => e.stopPropagation()}>
      <DropdownMenu>
        <DropdownMenu.Trigger asChild>
          <IconButton size="small" variant="transparent" aria-label={label}>
            <EllipsisHorizontal />
          </IconButton>
        </DropdownMenu.Trigger>
        <DropdownMenu.Content align="end">
          {shown.map((a) => (
            <DropdownMenu.Item
              key={a.label}
              onClick={a.onClick}
              className={a.danger ? "text-ui-fg-error" : undefined}
              data-testid={a.testId}
            >
              {a.label}
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu>
    </div>
  )
}
