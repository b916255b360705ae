metadata description = 'Data-plane roles for the on-call engineers who run status, quarantine list and replay against the deployment, and no more.'

@description('Object ids of the Entra users or groups that operate the app.')
param principalIds array

param storageAccountName string

// Built-in role definition ids (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles).
var storageTableDataReader = '76199698-9eea-4c19-bc75-cec21354c6b6'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'

// What the commands touch (Cli/Status, Cli/Quarantine, Cli/Replay):
// - status reads the SyncRuns, checkpoint and Quarantine tables and the queues' lengths;
// - quarantine list reads the Quarantine table;
// - replay --move-only moves a poison queue's messages back to their queue, where the deployed
//   app's queue trigger works them with its own identity.
// No blob role (the meeting-notes archive, quarantined payloads), no table write, no Key Vault.
var roles = [
  storageTableDataReader
  storageQueueDataContributor
]

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource assignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for pair in flatten(map(principalIds, principal => map(roles, role => { principal: principal, role: role }))): {
    name: guid(storage.id, pair.principal, pair.role)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', pair.role)
      principalId: pair.principal
      description: 'On-call: status, quarantine list and replay --move-only (docs/deploy-to-azure.md).'
    }
  }
]
