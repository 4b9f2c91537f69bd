// npm run test:stress: 100 runs of 100 steps (10,000 generated steps).
process.env.PROPERTY_RUNS ??= "100"
process.env.PROPERTY_STEPS ??= "100"
require("../http/ledger-properties.spec")
