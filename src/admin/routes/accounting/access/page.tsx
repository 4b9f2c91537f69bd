import { defineRouteConfig } from "@medusajs/admin-sdk"
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Label,
  Select,
  Text,
  createDataTableColumnHelper,
  useDataTable,
} from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { AccountingPage } from "../../../components/accounting-nav"
import { Field, TextField } from "../../../components/form-field"
import { ListSection } from "../../../components/list-section"
import { ActionError, useNotice } from "../../../components/notice"
import { RowActions } from "../../../components/row-actions"
import { Section } from "../../../components/section"
import { useAccountingMutation, usePermissions } from "../../../hooks/accounting"
import type { AccountingRole } from "../../../../sdk/accounting-client"
import { accounting, sdk } from "../../../lib/sdk"
import { errorMessage } from "../../../lib/errors"

type Holder = AccountingRole["grants"][number] & { role: AccountingRole }
const column = createDataTableColumnHelper<AccountingRole>()
const holderColumn = createDataTableColumnHelper<Holder>()

/** Bootstrap, or what the signed-in user holds and why. */
const AccessStatus = () => {
  const access = usePermissions()
  const data = access.data
  if (!data) {
    return null
  }
  if (data.bootstrap) {
    return (
      <Alert variant="warning" data-testid="access-bootstrap">
        No accounting role is granted yet, so every admin holds every accounting permission. Create a role
        with access:manage and grant it to yourself first: from then on, an admin without a role holds nothing
        in accounting.
      </Alert>
    )
  }
  return (
    <Alert variant="info" data-testid="access-mine">
      {data.roles.length
        ? `Your roles: ${data.roles.map((r) => r.name).join(", ")}.`
        : "You hold no accounting role, so you can do nothing in accounting. Ask an accounting access manager."}{" "}
      {!data.permissions.includes("access:manage") && "Changing roles needs access:manage."}
    </Alert>
  )
}

/** A role: its name and the permissions ticked, grouped by resource. */
const RoleForm = ({ role, onDone }: { role?: AccountingRole; onDone: () => void }) => {
  const notice = useNotice()
  const access = usePermissions()
  const all = access.data?.all_permissions ?? []
  const [name, setName] = useState(role?.name ?? "")
  const [picked, setPicked] = useState<string[]>(role?.permissions ?? [])
  const save = useAccountingMutation(() =>
    role
      ? accounting.access.updateRole(role.id, { name: name.trim(), permissions: picked })
      : accounting.access.createRole({ name: name.trim(), permissions: picked })
  )
  const groups = [...new Set(all.map((p) => p.split(":")[0]))]
  return (
    <form
      className="flex flex-col gap-y-4 px-6 py-4"
      data-testid="role-form"
      onSubmit={(e) => {
        e.preventDefault()
        save.mutate(undefined, {
          onSuccess: (r) => {
            notice.success(`Role ${r.role.name} saved`)
            setName("")
            setPicked([])
            onDone()
          },
        })
      }}
    >
      <TextField
        label="Role name"
        value={name}
        onChange={setName}
        placeholder="Refund clerk"
        data-testid="role-name"
      />
      <div className="flex items-center gap-x-2">
        <Checkbox
          id={`perm-${role?.id ?? "new"}-all`}
          checked={picked.includes("*")}
          onCheckedChange={(c) => setPicked(c ? ["*"] : [])}
        />
        <Label size="small" weight="plus" htmlFor={`perm-${role?.id ?? "new"}-all`}>
          Everything (*), including access:manage
        </Label>
      </div>
      <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
        {groups.map((g) => (
          <fieldset key={g} className="flex flex-col gap-y-1">
            <legend className="txt-compact-small-plus mb-1">{g.replace(/_/g, " ")}</legend>
            {all
              .filter((p) => p.startsWith(`${g}:`))
              .map((p) => (
                <div key={p} className="flex items-center gap-x-2">
                  <Checkbox
                    id={`perm-${role?.id ?? "new"}-${p}`}
                    checked={picked.includes(p) || picked.includes("*")}
                    disabled={picked.includes("*")}
                    onCheckedChange={(c) => setPicked(c ? [...picked, p] : picked.filter((x) => x !== p))}
                  />
                  <Label size="small" htmlFor={`perm-${role?.id ?? "new"}-${p}`} aria-label={p}>
                    {p.split(":")[1]}
                  </Label>
                </div>
              ))}
          </fieldset>
        ))}
      </div>
      <ActionError message={save.failure?.message} />
      <div>
        <Button size="small" type="submit" isLoading={save.isPending} disabled={!name.trim()}>
          {role ? "Save role" : "Create role"}
        </Button>
      </div>
    </form>
  )
}

/** Give a role to an admin user. */
const GrantForm = ({ roles }: { roles: AccountingRole[] }) => {
  const notice = useNotice()
  const users = useQuery({
    queryKey: ["users", "accounting-access"],
    queryFn: () => sdk.admin.user.list({ limit: 200 }),
  })
  const [userId, setUserId] = useState("")
  const [roleId, setRoleId] = useState("")
  const grant = useAccountingMutation(() => accounting.access.grant({ user_id: userId, role_id: roleId }))
  return (
    <Section
      title="Grant a role"
      subtitle="Who may do what. Nobody can widen their own rights without access:manage."
    >
      <form
        className="grid grid-cols-[1fr_1fr_auto] items-end gap-4 px-6 py-4"
        data-testid="grant-form"
        onSubmit={(e) => {
          e.preventDefault()
          grant.mutate(undefined, {
            onSuccess: (r) => notice.success(`Role ${r.role.name} granted`),
          })
        }}
      >
        <Field label="Admin user">
          {(control) => (
            <Select value={userId} onValueChange={setUserId}>
              <Select.Trigger {...control} data-testid="grant-user">
                <Select.Value placeholder="Choose a user" />
              </Select.Trigger>
              <Select.Content>
                {(users.data?.users ?? []).map((u) => (
                  <Select.Item key={u.id} value={u.id}>
                    {u.email}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          )}
        </Field>
        <Field label="Role">
          {(control) => (
            <Select value={roleId} onValueChange={setRoleId}>
              <Select.Trigger {...control} data-testid="grant-role">
                <Select.Value placeholder="Choose a role" />
              </Select.Trigger>
              <Select.Content>
                {roles.map((r) => (
                  <Select.Item key={r.id} value={r.id}>
                    {r.name}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          )}
        </Field>
        <Button size="small" type="submit" disabled={!userId || !roleId} isLoading={grant.isPending}>
          Grant
        </Button>
        {grant.failure && (
          <div className="col-span-3">
            <ActionError message={grant.failure.message} />
          </div>
        )}
      </form>
    </Section>
  )
}

const AccessManager = () => {
  const notice = useNotice()
  const roles = useQuery({ queryKey: ["accounting", "roles"], queryFn: () => accounting.access.roles() })
  const [editing, setEditing] = useState<AccountingRole | null>(null)
  const remove = useAccountingMutation((id: string) => accounting.access.deleteRole(id))
  const revoke = useAccountingMutation((id: string) => accounting.access.revoke(id))
  const list = roles.data?.roles ?? []
  const holders: Holder[] = list.flatMap((r) => r.grants.map((g) => ({ ...g, role: r })))
  const roleTable = useDataTable({
    data: list,
    getRowId: (r) => r.id,
    rowCount: list.length,
    isLoading: roles.isLoading,
    columns: [
      column.accessor("name", { header: "Role" }),
      column.display({
        id: "permissions",
        header: "Permissions",
        cell: ({ row }) => (
          <div className="flex flex-wrap gap-1">
            {row.original.permissions.map((p) => (
              <Badge key={p} size="2xsmall">
                {p}
              </Badge>
            ))}
          </div>
        ),
      }),
      column.display({
        id: "holders",
        header: "Held by",
        cell: ({ row }) => (
          <Text size="small">
            {row.original.grants.map((g) => g.user?.email ?? g.user?.name).join(", ") || "–"}
          </Text>
        ),
      }),
      column.display({
        id: "actions",
        cell: ({ row }) => (
          <RowActions
            label={`Actions for role ${row.original.name}`}
            actions={[
              { label: "Edit permissions", onClick: () => setEditing(row.original) },
              {
                label: "Delete role",
                danger: true,
                onClick: () =>
                  remove.mutate(row.original.id, {
                    onSuccess: () => notice.success(`Role ${row.original.name} deleted`),
                    onError: (e) => notice.error(errorMessage(e)),
                  }),
              },
            ]}
          />
        ),
      }),
    ],
  })
  const holderTable = useDataTable({
    data: holders,
    getRowId: (h) => h.id,
    rowCount: holders.length,
    isLoading: roles.isLoading,
    columns: [
      holderColumn.display({
        id: "user",
        header: "User",
        cell: ({ row }) => row.original.user?.email ?? row.original.user?.name,
      }),
      holderColumn.display({ id: "role", header: "Role", cell: ({ row }) => row.original.role.name }),
      holderColumn.display({
        id: "by",
        header: "Granted by",
        cell: ({ row }) => row.original.granted_by?.name ?? "–",
      }),
      holderColumn.display({
        id: "actions",
        cell: ({ row }) => (
          <RowActions
            label={`Actions for ${row.original.user?.email} as ${row.original.role.name}`}
            actions={[
              {
                label: "Revoke",
                danger: true,
                onClick: () =>
                  revoke.mutate(row.original.id, {
                    onSuccess: () =>
                      notice.success(`${row.original.role.name} revoked from ${row.original.user?.email}`),
                    onError: (e) => notice.error(errorMessage(e)),
                  }),
              },
            ]}
          />
        ),
      }),
    ],
  })
  return (
    <>
      <ListSection
        title="Roles"
        table={roleTable}
        query={roles}
        what="Roles"
        emptyText="No roles yet."
        data-testid="roles-list"
      />
      <ListSection
        title="Who holds which role"
        table={holderTable}
        query={roles}
        what="Grants"
        emptyText="Nobody holds a role: every admin holds everything (bootstrap)."
        data-testid="grants-list"
      />
      <GrantForm roles={list} />
      <Section title={editing ? `Edit role ${editing.name}` : "New role"}>
        <RoleForm key={editing?.id ?? "new"} role={editing ?? undefined} onDone={() => setEditing(null)} />
      </Section>
    </>
  )
}

const AccessPage = () => {
  const { can, data } = usePermissions()
  return (
    <AccountingPage
      title="Access"
      description="Roles and who holds them: the plugin's separation of duties (list, view, add, post, void, approve)."
    >
      <AccessStatus />
      {data && can("access:manage") && <AccessManager />}
    </AccountingPage>
  )
}

export const config = defineRouteConfig({ label: "Access", rank: 8 })

export default AccessPage
