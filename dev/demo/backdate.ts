import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * Demo only: moves what just happened to an order into the past, so aging and
 * as-of reports have months of history to show. Only rows written in the
 * last hour move, so earlier steps keep their dates.
 */
export async function backdate(
  container: MedusaContainer,
  orderId: string,
  what: "placed" | "captured" | "changed" | "refunded" | "canceled",
  date: Date
) {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const fresh = `created_at > now() - interval '1 hour'`
  const payments = `select p.id from payment p
      join order_payment_collection opc on opc.payment_collection_id = p.payment_collection_id
     where opc.order_id = ?`
  switch (what) {
    case "placed":
      await knex.raw(`update "order" set created_at = ? where id = ?`, [date, orderId])
      await knex.raw(
        `update order_change set created_at = ?, confirmed_at = ? where order_id = ? and ${fresh}`,
        [date, date, orderId]
      )
      break
    case "canceled":
      await knex.raw(`update "order" set canceled_at = ? where id = ?`, [date, orderId])
      await knex.raw(`update refund set created_at = ? where payment_id in (${payments}) and ${fresh}`, [
        date,
        orderId,
      ])
      await knex.raw(
        `update order_change set created_at = ?, confirmed_at = ? where order_id = ? and ${fresh}`,
        [date, date, orderId]
      )
      break
    case "changed":
      await knex.raw(
        `update order_change set created_at = ?, confirmed_at = ? where order_id = ? and ${fresh}`,
        [date, date, orderId]
      )
      break
    case "captured":
      await knex.raw(`update capture set created_at = ? where payment_id in (${payments}) and ${fresh}`, [
        date,
        orderId,
      ])
      break
    case "refunded":
      await knex.raw(`update refund set created_at = ? where payment_id in (${payments}) and ${fresh}`, [
        date,
        orderId,
      ])
      await knex.raw(
        `update order_change set created_at = ?, confirmed_at = ? where order_id = ? and ${fresh}`,
        [date, date, orderId]
      )
      break
  }
}
