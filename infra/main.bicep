targetScope = 'subscription'

metadata description = 'The action-plan integration backend: a Function App on Flex Consumption that reaches storage, telemetry, Key Vault and Microsoft Graph with one user-assigned identity and no keys.'

@minLength(1)
@maxLength(64)
@description('azd environment name; names the resource group and seeds every resource name.')
param environmentName string

@minLength(1)
@description('Region for every resource. It must offer the Flex Consumption plan.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the deploying user or pipeline. It may write Key Vault secrets; with grantDeployerDataAccess it also gets the app\'s storage data roles, for local runs against Azure. Empty: no roles.')
param principalId string = ''

@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

@description('Whether the deploying principal also gets the app\'s storage data roles (tables, queues, the data containers, which hold personal data) for local runs against Azure. Default false: it gets Key Vault secret access only, to store the secrets (azd: GRANT_DEPLOYER_DATA_ACCESS).')
@allowed([
  'false'
  'true'
])
param grantDeployerDataAccess string = 'false'

@description('Object ids of the Entra users or groups that operate the app, comma-separated (azd: OPERATOR_PRINCIPAL_IDS). They get the data-plane roles status, quarantine list and replay need, and no more.')
param operatorPrincipalIds string = ''

// SharePoint (section "SharePoint" in Core/Configuration/SharePointOptions.cs). An empty list or
// library name leaves that source unconfigured, and the run reports it as skipped.
@description('Graph site id of the network\'s SharePoint site: host,site-collection-guid,web-guid.')
param sharePointSiteId string = ''
@description('Plan items list: id or display name.')
param sharePointPlanItemsList string = ''
@description('Budget assignments list: id or display name.')
param sharePointBudgetAssignmentsList string = ''
@description('Social-enterprise register list: id or display name.')
param sharePointEnterprisesList string = ''
@description('Agreements list: id or display name.')
param sharePointAgreementsList string = ''
@description('Meeting-notes document library: drive id or name.')
param sharePointMeetingNotesLibrary string = ''
@description('Library the weekly status report goes to: drive id or name; empty skips the report step.')
param sharePointReportsLibrary string = ''
@description('Register each week\'s status report on the network\'s case: true or false, as a string (azd hands values over as strings).')
@allowed([
  'false'
  'true'
])
param reportsRegisterInCaseSystem string = 'false'

// The case system (section "CaseSystem" in Core/CaseSystem/CaseSystemOptions.cs). An empty URL
// leaves it unconfigured: meeting notes are archived and their registration waits as pending. The
// API key is not a parameter: it is the Key Vault secret named below, set by hand
// (docs/deploy-to-azure.md), and the app reads it through a Key Vault reference.
@description('Public 360 SIF base URL, scheme and host without a path, e.g. https://p360.stad.example/. Empty: no case system.')
param caseSystemBaseUrl string = ''
@description('The network\'s case, on which each meeting-note version is registered, e.g. AMN 2021-0112-1.4.')
param caseSystemNetworkCaseNumber string = ''
@description('Document field carrying the idempotency marker of each registered meeting note.')
param caseSystemMarkerField string = 'ExternalReference'
@description('Key Vault secret holding the SIF authkey.')
param caseSystemApiKeySecretName string = 'case-system-api-key'

// Teams notifications (section "Teams" in Core/Notifications/TeamsOptions.cs). The webhook URL is
// not a parameter: it carries the flow's signature, so it is the Key Vault secret named below, set
// by hand (docs/deploy-to-azure.md). Until the secret exists, the reference stays unresolved and the
// app reports the digest as not configured instead of failing.
@description('Key Vault secret holding the Teams Workflows webhook URL of the channel digest.')
param teamsWorkflowWebhookSecretName string = 'teams-workflow-webhook-url'
@description('Personal notifications in the Teams activity feed (needs TeamsActivity.Send and the app installed for each person).')
@allowed([
  'false'
  'true'
])
param teamsActivityFeedEnabled string = 'false'
@description('The network coordinator\'s user principal name; gets items overdue past the escalation days. Empty: no escalation.')
param teamsCoordinatorEmail string = ''
@description('Days overdue after which an item is escalated to the coordinator.')
param teamsEscalationDays string = '14'

// The company register (section "Registry" in Core/Registry/RegistryOptions.cs): Bolagsverket's
// "värdefulla datamängder" API. An empty URL leaves it unconfigured and the registry check is
// reported as skipped. The client secret is the Key Vault secret named below, set by hand
// (docs/deploy-to-azure.md), read through a Key Vault reference.
@description('Bolagsverket API base URL, e.g. https://gw.api.bolagsverket.se/vardefulla-datamangder/v1. Empty: no registry check.')
param registryBaseUrl string = ''
@description('OAuth2 token endpoint of the registry, e.g. https://portal.api.bolagsverket.se/oauth2/token.')
param registryTokenUrl string = ''
@description('OAuth2 client id the registry gave the city.')
param registryClientId string = ''
@description('Key Vault secret holding the registry\'s OAuth2 client secret.')
param registryClientSecretName string = 'registry-client-secret'

// The enterprise register (section "Enterprises" in Core/Enterprises/EnterprisesOptions.cs). The key
// of the HMAC that keys sole traders' personal identity numbers for finding duplicates is a secret
// this deployment writes to Key Vault: azd reads it back from the vault on every provision
// (secretOrRandomPassword in main.parameters.json) and generates one only the first time, so it
// stays the same. Rotation: docs/deploy-to-azure.md.
@secure()
@description('Key of the HMAC that keys sole traders\' personal identity numbers in the register (azd: the vault\'s secret, or a new random one the first time).')
param enterprisesPersonalNumberKey string
@description('Key Vault secret holding that key.')
param enterprisesPersonalNumberKeySecretName string = 'enterprises-personal-number-key'

// Defaults equal SchedulesOptions in Core. The timer triggers read these app settings through
// %Schedules:...%, so they must be set even where the code has a default.
@description('NCRONTAB (six fields, UTC) of the nightly sync.')
param nightlySyncSchedule string = '0 0 2 * * *'
@description('NCRONTAB (six fields, UTC) of the overdue scan; after the nightly sync has had time to finish.')
param overdueScanSchedule string = '0 30 4 * * *'
@description('NCRONTAB (six fields, UTC) of the night\'s Teams digest; after the overdue scan\'s events are in.')
param notificationDigestSchedule string = '0 0 5 * * *'
@description('NCRONTAB (six fields, UTC) of the weekly status report; Monday morning, after the night\'s digest.')
param statusReportSchedule string = '0 0 6 * * 1'

@description('Key Vault purge protection. It cannot be turned off again once on; turn it off only for throw-away environments.')
param enableKeyVaultPurgeProtection bool = true

@description('recover brings back the soft-deleted vault of an earlier azd down under the same environment name (docs/deploy-to-azure.md, Tear down); default otherwise.')
@allowed([
  'default'
  'recover'
])
param keyVaultCreateMode string = 'default'

@description('Days each archived meeting-note version stays immutable (WORM) after it is written; the policy is created unlocked (docs/deploy-to-azure.md).')
@minValue(1)
@maxValue(146000)
param meetingNotesRetentionDays int = 3650

// A string, as azd hands every environment value over (RETENTION_DAYS); the app validates it at start-up.
@description('Days run records, resolved quarantine entries and quarantined payloads are kept: the app deletes the rows (Retention__Days), a storage lifecycle rule the payloads.')
param retentionDays string = '400'

@description('Pages a SharePoint read follows at most in one night before it stops with an error (SharePoint__MaxPages).')
param sharePointMaxPages string = '10000'

@description('SharePoint resource units a minute the night paces its Graph calls to (SharePoint__ResourceUnitsPerMinute): 1200 for a tenant under 1,000 licences, up to 6000 for the largest; 0 turns pacing off.')
param sharePointResourceUnitsPerMinute string = '1200'

@description('GetCases pages the budget assignments\' read takes at most in one night (CaseSystem__BudgetAssignments__MaxPages).')
param caseSystemBudgetAssignmentsMaxPages string = '1000'

// Every other key of the configuration contract (docs/configuration.md): one JSON object of app
// settings (azd: APP_SETTINGS, which azd 1.23.4 and later parses as JSON for an object parameter),
// merged over the settings composed below. A Swedish site's column names, statuses, agreement types
// and case-system fields go here. Secrets cannot be set in clear this way (see refusedSettings).
@description('App settings as one JSON object, e.g. {"SharePoint__Fields__PlanItems__DueDate":"Slutdatum"}, merged over the template\'s settings (azd: APP_SETTINGS). A secret key is taken only as a Key Vault reference.')
param appSettings object = {}

// Flex Consumption takes fewer than 40 only in a few regions; 40 deploys everywhere.
@description('Upper bound of Flex Consumption instances (40-1000); bounds the parallel load on SharePoint as well as the cost.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('E-mail address the alert rules notify (a failed night, a poison message, no completed night in 26 hours). Empty: the rules exist but notify nobody.')
param alertEmail string = ''

// host.json's extensions.queues.maxDequeueCount: the alert on a failed night counts a step's last try.
var queueMaxDequeueCount = 5

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var deploymentContainerName = 'deploymentpackage'

resource resourceGroup 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: resourceGroup
  params: {
    name: 'id-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: resourceGroup
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
  }
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  scope: resourceGroup
  params: {
    location: location
    tags: tags
    resourceToken: resourceToken
    workspaceId: monitoring.outputs.workspaceId
    alertEmail: alertEmail
    maxDequeueCount: queueMaxDequeueCount
  }
}

module runHistory 'modules/run-history.bicep' = {
  name: 'run-history'
  scope: resourceGroup
  params: {
    location: location
    tags: tags
    resourceToken: resourceToken
    workspaceId: monitoring.outputs.workspaceId
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: resourceGroup
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
    meetingNotesRetentionDays: meetingNotesRetentionDays
    retentionDays: int(retentionDays)
  }
}

module keyVault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  scope: resourceGroup
  params: {
    name: 'kv-${resourceToken}'
    location: location
    tags: tags
    enablePurgeProtection: enableKeyVaultPurgeProtection
    createMode: keyVaultCreateMode
    secrets: {
      '${enterprisesPersonalNumberKeySecretName}': enterprisesPersonalNumberKey
    }
  }
}

module appRoles 'modules/role-assignments.bicep' = {
  name: 'app-roles'
  scope: resourceGroup
  params: {
    principalId: identity.outputs.principalId
    principalType: 'ServicePrincipal'
    storageAccountName: storage.outputs.name
    deploymentContainerName: deploymentContainerName
    keyVaultName: keyVault.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
  }
}

module deployerRoles 'modules/role-assignments.bicep' = if (!empty(principalId)) {
  name: 'deployer-roles'
  scope: resourceGroup
  params: {
    principalId: principalId
    principalType: principalType
    storageAccountName: storage.outputs.name
    deploymentContainerName: deploymentContainerName
    keyVaultName: keyVault.outputs.name
    canWriteSecrets: true
    storageDataAccess: grantDeployerDataAccess == 'true'
  }
}

var operators = filter(map(split(operatorPrincipalIds, ','), id => trim(id)), id => !empty(id))

module operatorRoles 'modules/operator-roles.bicep' = if (!empty(operators)) {
  name: 'operator-roles'
  scope: resourceGroup
  params: {
    principalIds: operators
    storageAccountName: storage.outputs.name
  }
}

// The settings that hold a secret. Given in appSettings they are refused unless the value is a Key
// Vault reference, so no secret sits in clear in the parameters, the deployment history or the app's
// configuration. Functions.Tests/Deployment checks every secret-like key of the code is listed.
var secretSettingKeys = [
  'AzureWebJobsStorage'
  'SharePoint__ClientSecret'
  'CaseSystem__ApiKey'
  'Teams__WorkflowWebhookUrl'
  'Registry__ClientSecret'
  'Enterprises__PersonalNumberKey'
]
// Values as strings, as app settings are ("14", "true"; ARM would write a JSON true as "True").
var givenSettingStrings = toObject(items(appSettings), item => item.key, item => item.value == true ? 'true' : (item.value == false ? 'false' : string(item.value)))
// The host's storage connection stays on the app identity: its identity settings are not taken either.
var secretSettingKeysLower = map(secretSettingKeys, secret => toLower(secret))
var refusedSettings = filter(objectKeys(givenSettingStrings), key => startsWith(toLower(key), 'azurewebjobsstorage__') || (contains(secretSettingKeysLower, toLower(key)) && !startsWith(givenSettingStrings[key], '@Microsoft.KeyVault(')))
var extraAppSettings = empty(refusedSettings)
  ? givenSettingStrings
  : fail('APP_SETTINGS (appSettings) may not set ${join(refusedSettings, ', ')}: a secret goes into Key Vault and is given as a Key Vault reference (@Microsoft.KeyVault(...)), and the storage connection stays on the app identity. See docs/deploy-to-azure.md')

// Every app setting the template composes, in one place. Functions.Tests/Deployment checks these keys
// against the options classes in Core and the bindings in functions.metadata, so keep this a plain
// object literal; appSettings (above) is merged over it. Secrets as Key Vault references:
// '@Microsoft.KeyVault(VaultName=${keyVault.outputs.name};SecretName=...)'.
var defaultAppSettings = {
  // Functions host (triggers) and Core's storage clients, identity-based: no connection string.
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identity.outputs.clientId
  AzureWebJobsStorage__blobServiceUri: storage.outputs.blobEndpoint
  AzureWebJobsStorage__queueServiceUri: storage.outputs.queueEndpoint
  AzureWebJobsStorage__tableServiceUri: storage.outputs.tableEndpoint

  // Telemetry with Entra authentication; the component refuses instrumentation-key ingestion.
  APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.outputs.clientId};Authorization=AAD'

  // Microsoft Graph as the same identity; its app roles are granted by hand (docs/deploy-to-azure.md).
  SharePoint__Auth: 'ManagedIdentity'
  SharePoint__ClientId: identity.outputs.clientId
  SharePoint__SiteId: sharePointSiteId
  SharePoint__MaxPages: sharePointMaxPages
  SharePoint__ResourceUnitsPerMinute: sharePointResourceUnitsPerMinute
  SharePoint__Lists__PlanItems: sharePointPlanItemsList
  SharePoint__Lists__BudgetAssignments: sharePointBudgetAssignmentsList
  SharePoint__Lists__Enterprises: sharePointEnterprisesList
  SharePoint__Lists__Agreements: sharePointAgreementsList
  SharePoint__Libraries__MeetingNotes: sharePointMeetingNotesLibrary
  SharePoint__Libraries__Reports: sharePointReportsLibrary
  Reports__RegisterInCaseSystem: reportsRegisterInCaseSystem

  // The case system; its key is a Key Vault reference resolved with the app identity, never a value here.
  CaseSystem__BaseUrl: caseSystemBaseUrl
  CaseSystem__ApiKey: '@Microsoft.KeyVault(VaultName=${keyVault.outputs.name};SecretName=${caseSystemApiKeySecretName})'
  CaseSystem__NetworkCaseNumber: caseSystemNetworkCaseNumber
  CaseSystem__MarkerField: caseSystemMarkerField
  CaseSystem__BudgetAssignments__MaxPages: caseSystemBudgetAssignmentsMaxPages

  // Teams: the webhook URL is a secret, so a Key Vault reference like the case system's key.
  Teams__WorkflowWebhookUrl: '@Microsoft.KeyVault(VaultName=${keyVault.outputs.name};SecretName=${teamsWorkflowWebhookSecretName})'
  Teams__ActivityFeed__Enabled: teamsActivityFeedEnabled
  Teams__CoordinatorEmail: teamsCoordinatorEmail
  Teams__EscalationDays: teamsEscalationDays
  // The company register; its client secret is a Key Vault reference, like the case system's key.
  Registry__BaseUrl: registryBaseUrl
  Registry__TokenUrl: registryTokenUrl
  Registry__ClientId: registryClientId
  Registry__ClientSecret: '@Microsoft.KeyVault(VaultName=${keyVault.outputs.name};SecretName=${registryClientSecretName})'
  // The register's HMAC key, a secret this deployment writes (see the parameter above).
  Enterprises__PersonalNumberKey: '@Microsoft.KeyVault(VaultName=${keyVault.outputs.name};SecretName=${enterprisesPersonalNumberKeySecretName})'

  // Run records and resolved quarantine entries older than this are deleted each night.
  Retention__Days: retentionDays

  Schedules__NightlySync: nightlySyncSchedule
  Schedules__OverdueScan: overdueScanSchedule
  Schedules__NotificationDigest: notificationDigestSchedule
  Schedules__StatusReport: statusReportSchedule
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  scope: resourceGroup
  params: {
    name: 'func-${resourceToken}'
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    storageAccountName: storage.outputs.name
    deploymentContainerName: deploymentContainerName
    appSettings: defaultAppSettings
    extraAppSettings: extraAppSettings
    maximumInstanceCount: maximumInstanceCount
  }
  // The host starts as soon as its settings exist; let it find its storage roles in place.
  dependsOn: [
    appRoles
  ]
}

// Read by azd into the environment (.azure/<env>/.env) and by the manual steps in
// docs/deploy-to-azure.md. Names, ids and endpoints only: nothing here is a secret.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_HOSTNAME string = functionApp.outputs.defaultHostName
output AZURE_IDENTITY_NAME string = identity.outputs.name
output AZURE_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output AZURE_IDENTITY_PRINCIPAL_ID string = identity.outputs.principalId
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_URI string = keyVault.outputs.uri
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output AZURE_STORAGE_QUEUE_ENDPOINT string = storage.outputs.queueEndpoint
output AZURE_STORAGE_TABLE_ENDPOINT string = storage.outputs.tableEndpoint
output AZURE_RUN_HISTORY_QUERY_PACK string = runHistory.outputs.queryPackName
output AZURE_RUN_HISTORY_WORKBOOK_ID string = runHistory.outputs.workbookId
