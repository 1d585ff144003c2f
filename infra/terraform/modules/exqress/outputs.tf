locals {
  # Everything the Argo CD overlays of this environment take from AWS. The keys are those of
  # infra/argocd/overlays/<environment>/terraform-outputs/outputs.env (a test in infra-checks holds them equal).
  argocd_env = {
    ENVIRONMENT                       = var.environment
    AWS_REGION                        = local.region
    CLUSTER_NAME                      = module.eks.cluster_name
    VPC_ID                            = module.network.vpc_id
    VPC_CIDR                          = module.network.vpc_cidr_block
    IMAGE_REGISTRY                    = "${local.account_id}.dkr.ecr.${local.region}.amazonaws.com"
    COMMAND_API_ROLE_ARN              = module.service_role["command-api"].role_arn
    QUERY_API_ROLE_ARN                = module.service_role["query-api"].role_arn
    PROJECTIONS_ROLE_ARN              = module.service_role["projections"].role_arn
    EXTERNAL_SECRETS_ROLE_ARN         = module.external_secrets_role.role_arn
    FLUENT_BIT_ROLE_ARN               = module.fluent_bit_role.role_arn
    LOAD_BALANCER_CONTROLLER_ROLE_ARN = module.load_balancer_controller_role.role_arn
    CONTAINER_LOG_GROUP               = aws_cloudwatch_log_group.containers.name
    WAF_WEB_ACL_ARN                   = module.waf.web_acl_arn
    DATABASE_URL                      = module.rds.jdbc_url
    DATABASE_OWNER_SECRET_ARN         = module.rds.owner_secret_arn
    KAFKA_BOOTSTRAP_SERVERS           = module.msk.bootstrap_brokers_sasl_iam
  }
}

output "argocd_env" {
  description = "KEY=value lines for infra/argocd/overlays/<environment>/terraform-outputs/outputs.env."
  value       = join("\n", [for key, value in local.argocd_env : "${key}=${value}"])
}

output "cluster_name" {
  description = "For aws eks update-kubeconfig --name."
  value       = module.eks.cluster_name
}

output "region" {
  description = "The environment's region."
  value       = local.region
}

output "data_keys_kms_alias" {
  description = "The KMS key that wraps the data master keys, for aws kms encrypt --key-id."
  value       = module.kms.data_keys_alias
}

output "label_keys_kms_alias" {
  description = "The KMS key of the label signing keys' secrets."
  value       = module.kms.label_keys_alias
}

output "database_address" {
  description = "The PostgreSQL primary's DNS name."
  value       = module.rds.address
}

output "database_owner_secret_arn" {
  description = "The secret holding the schema owner's generated password."
  value       = module.rds.owner_secret_arn
}

output "secret_names" {
  description = "The Secrets Manager secrets an operator fills in."
  value = merge(
    {
      database_app     = aws_secretsmanager_secret.database_app.name
      data_master_keys = aws_secretsmanager_secret.data_master_keys.name
      checkpoint_keys  = aws_secretsmanager_secret.checkpoint_keys.name
    },
    { for carrier, secret in aws_secretsmanager_secret.label_keys : "label_keys_${carrier}" => secret.name },
  )
}
