metadata description = 'Data-plane roles for one principal: the app identity, or the deploying user for local runs against Azure.'

@description('Object id of the principal that receives the roles.')
param principalId string

@description('ServicePrincipal for a managed identity; stating it avoids failures while a new identity replicates.')
@allowed([
  'ServicePrincipal'
  'User'
  'Group'
])
param principalType string

param storageAccountName string
param keyVaultName string

@description('Container the Flex Consumption plan deploys the app package from.')
param deploymentContainerName string

@description('Application Insights component the principal publishes telemetry to; empty for none.')
param applicationInsightsName string = ''

@description('True for a person or pipeline that stores the secrets; the app only reads them.')
param canWriteSecrets bool = false

@description('False for a deploying person or pipeline that needs no lasting access to the data (tables, queues, containers): it keeps the Key Vault role only.')
param storageDataAccess bool = true

// Built-in role definition ids (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles).
var storageBlobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var storageBlobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var keyVaultSecretsOfficer = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'

// Queues and tables: the host's queue triggers and the app's tables, account-wide. No blob role is
// granted on the account: blob access is per container, so nothing reaches a container not listed here.
var storageRoles = [
  storageQueueDataContributor
  storageTableDataContributor
]

// The Functions host keeps timer locks, leases and its keys in these containers (created by
// storage.bicep, so the host never needs to create a container). Microsoft documents Blob Data
// Owner as the host's role on AzureWebJobsStorage; it is given here and nowhere else.
var hostContainerNames = [
  'azure-webjobs-hosts'
  'azure-webjobs-secrets'
]

// The app's own containers (Core/Storage/ContainerNames.cs) and the package container, which the
// Flex Consumption platform writes and reads with this identity when a package is published.
var dataContainerNames = [
  'meeting-notes'
  'quarantine'
  'sync-state'
  deploymentContainerName
]
var keyVaultRole = canWriteSecrets ? keyVaultSecretsOfficer : keyVaultSecretsUser

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-06-01' existing = {
  parent: storage
  name: 'default'
}

resource hostContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' existing = [
  for containerName in hostContainerNames: {
    parent: blobService
    name: containerName
  }
]

resource dataContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' existing = [
  for containerName in dataContainerNames: {
    parent: blobService
    name: containerName
  }
]

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' existing = {
  name: keyVaultName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = if (!empty(applicationInsightsName)) {
  name: applicationInsightsName
}

resource storageAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in (storageDataAccess ? storageRoles : []): {
    name: guid(storage.id, principalId, roleId)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: principalId
      principalType: principalType
    }
  }
]

resource hostContainerAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (containerName, i) in (storageDataAccess ? hostContainerNames : []): {
    name: guid(hostContainers[i].id, principalId, storageBlobDataOwner)
    scope: hostContainers[i]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataOwner)
      principalId: principalId
      principalType: principalType
    }
  }
]

resource dataContainerAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (containerName, i) in (storageDataAccess ? dataContainerNames : []): {
    name: guid(dataContainers[i].id, principalId, storageBlobDataContributor)
    scope: dataContainers[i]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributor)
      principalId: principalId
      principalType: principalType
    }
  }
]

resource keyVaultAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, principalId, keyVaultRole)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultRole)
    principalId: principalId
    principalType: principalType
  }
}

resource telemetryAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(applicationInsightsName)) {
  name: guid(appInsights.id, principalId, monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
    principalId: principalId
    principalType: principalType
  }
}
