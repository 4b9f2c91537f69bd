import type { BigNumberInput, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { amounts } from "./reading"

/**
 * A small, real store for the demo seed (`medusa exec`) and the HTTP tests.
 * Everything goes through Medusa's own workflows so that the events our
 * subscribers listen to (order.placed, payment.captured, ...) fire exactly as
 * they do in a live store. No business data is written with SQL here.
 */

export const PAYMENT_PROVIDER_ID = "pp_system_default"
export const FULFILLMENT_PROVIDER_ID = "manual_manual"
export const TAX_PROVIDER_ID = "tp_system"
export const DEFAULT_TAX_RATE = 10

export const STOCK_LOCATION_NAME = "Demo Warehouse"
export const FULFILLMENT_SET_NAME = "Demo Warehouse shipping"
export const DEFAULT_SALES_CHANNEL_NAME = "Default Sales Channel"

type CurrencySetup = {
  country_code: string
  region_name: string
  /** Flat shipping price in major units, as Medusa stores prices. */
  shipping_amount: number
  address: { address_1: string; city: string; postal_code: string }
}

/** The currencies the fixture knows how to set up, one region/country each. */
const CURRENCIES: Record<string, CurrencySetup> = {
  usd: {
    country_code: "us",
    region_name: "Demo United States",
    shipping_amount: 10,
    address: { address_1: "1 Main Street", city: "Springfield", postal_code: "12345" },
  },
  eur: {
    country_code: "de",
    region_name: "Demo Germany",
    shipping_amount: 10,
    address: { address_1: "Hauptstrasse 1", city: "Berlin", postal_code: "10115" },
  },
  jpy: {
    country_code: "jp",
    region_name: "Demo Japan",
    shipping_amount: 1000,
    address: { address_1: "1-1 Chiyoda", city: "Tokyo", postal_code: "100-0001" },
  },
  kwd: {
    country_code: "kw",
    region_name: "Demo Kuwait",
    shipping_amount: 3,
    address: { address_1: "Gulf Road 1", city: "Kuwait City", postal_code: "13001" },
  },
}

export const DEMO_CURRENCIES = Object.keys(CURRENCIES)

type ProductSetup = {
  key: "widget" | "gadget"
  title: string
  handle: string
  sku: string
  prices: Record<string, number>
}

// Prices in every known currency, so a later call with more currencies needs no repricing.
export const PRODUCTS: ProductSetup[] = [
  {
    key: "widget",
    title: "Widget",
    handle: "demo-widget",
    sku: "DEMO-WIDGET",
    prices: { usd: 100, eur: 90, jpy: 12000, kwd: 30.5 },
  },
  {
    key: "gadget",
    title: "Gadget",
    handle: "demo-gadget",
    sku: "DEMO-GADGET",
    prices: { usd: 49.99, eur: 45, jpy: 6500, kwd: 15.25 },
  },
]

export type StoreFixture = {
  store_id: string
  sales_channel_id: string
  stock_location_id: string
  shipping_profile_id: string
  fulfillment_set_id: string
  currencies: string[]
  /** By currency code. */
  regions: Record<string, { id: string; country_code: string }>
  /** By currency code. */
  shipping_option_ids: Record<string, string>
  product_ids: Record<ProductSetup["key"], string>
  variant_ids: Record<ProductSetup["key"], string>
}

type GraphConfig = { entity: string; fields: string[]; filters?: Record<string, unknown> }

/**
 * query.graph, typed by the caller. Without generated `.medusa/types` Query
 * cannot know the shape, so T describes the fields we ask for.
 */
export async function graph<T>(container: MedusaContainer, config: GraphConfig): Promise<T[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph(config)
  return data as T[]
}

export type IdRow = { id: string }

// Query gives BigNumber instances for computed totals, the summary and quantities,
// but plain numbers for payment amounts; this makes them all plain numbers
// (major units, as the Admin API serializes them). For reading, never for money arithmetic.
export const num = (value: BigNumberInput | null | undefined): number =>
  value == null ? 0 : MathBN.convert(value).toNumber()

export function currencySetup(currency_code: string): CurrencySetup {
  const setup = CURRENCIES[currency_code.toLowerCase()]
  if (!setup) {
    throw new Error(
      `store-fixture: no demo setup for currency "${currency_code}" (known: ${DEMO_CURRENCIES.join(", ")})`
    )
  }
  return setup
}
