const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

// Test databases: see integration-tests/env.js (DB_HOST must be "localhost").
require("./integration-tests/env")

module.exports = {
  transform: {
    "^.+\\.[jt]sx?$": [
      "@swc/jest",
      {
        jsc: {
          parser: { syntax: "typescript", decorators: true },
          target: "es2021",
        },
      },
    ],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/"],
  setupFiles: ["./integration-tests/setup.js"],
  // docs/examples import the plugin by its package name, as a store would.
  moduleNameMapper: {
    "^medusa-accounting-ar/workflows$": "<rootDir>/src/workflows",
    "^medusa-accounting-ar/modules/(.*)$": "<rootDir>/src/modules/$1",
  },
}

const testType = process.env.TEST_TYPE
if (testType === "integration:http") {
  module.exports.testMatch = ["**/integration-tests/http/**/*.spec.[jt]s"]
} else if (testType === "integration:modules") {
  module.exports.testMatch = ["**/src/modules/*/__tests__/**/*.spec.[jt]s"]
  module.exports.testPathIgnorePatterns = ["\\.unit\\.spec\\.[jt]s$"]
} else if (testType === "unit") {
  module.exports.testMatch = ["**/src/**/__tests__/**/*.unit.spec.[jt]s"]
} else if (testType === "e2e") {
  module.exports.testMatch = ["**/integration-tests/e2e/**/*.e2e.[jt]s"]
  module.exports.setupFiles = []
  module.exports.testSequencer = "./integration-tests/e2e/sequencer.js"
} else if (testType === "stress") {
  module.exports.testMatch = ["**/integration-tests/stress/**/*.spec.[jt]s"]
}
