# One environment of Exqress: network, cluster, database, Kafka, keys and edge. Everything the services need
# from AWS comes from here; what the Argo CD overlay needs of it is the output argocd_env.

data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}
data "aws_region" "current" {}

locals {
  name       = "exqress-${var.environment}"
  account_id = data.aws_caller_identity.current.account_id
  region     = data.aws_region.current.name
  tags       = merge(var.tags, { Application = "exqress", Environment = var.environment })
}

module "network" {
  source             = "../network"
  name               = local.name
  cidr_block         = var.vpc_cidr
  az_count           = var.az_count
  single_nat_gateway = var.single_nat_gateway
  cluster_name       = local.name
  tags               = local.tags
}

module "eks" {
  source              = "../eks"
  name                = local.name
  kubernetes_version  = var.kubernetes_version
  subnet_ids          = module.network.private_subnet_ids
  public_access_cidrs = var.eks_public_access_cidrs
  admin_role_arns     = var.eks_admin_role_arns
  node_instance_types = var.node_instance_types
  node_min_size       = var.node_min_size
  node_desired_size   = var.node_min_size
  node_max_size       = var.node_max_size
  tags                = local.tags
}

module "kms" {
  source = "../kms"
  name   = local.name
  tags   = local.tags
}

module "rds" {
  source                    = "../rds"
  name                      = local.name
  vpc_id                    = module.network.vpc_id
  subnet_ids                = module.network.private_subnet_ids
  client_security_group_ids = [module.eks.cluster_security_group_id]
  instance_class            = var.db_instance_class
  allocated_storage         = var.db_allocated_storage
  multi_az                  = var.db_multi_az
  backup_retention_days     = var.db_backup_retention_days
  deletion_protection       = var.db_deletion_protection
  tags                      = local.tags
}

module "msk" {
  source                    = "../msk"
  name                      = local.name
  vpc_id                    = module.network.vpc_id
  subnet_ids                = module.network.private_subnet_ids
  client_security_group_ids = [module.eks.cluster_security_group_id]
  broker_instance_type      = var.kafka_broker_instance_type
  broker_volume_size        = var.kafka_broker_volume_size
  tags                      = local.tags
}

module "waf" {
  source                     = "../waf"
  name                       = local.name
  scans_limit_per_ip         = var.waf_scans_limit_per_ip
  login_limit_per_ip         = var.waf_login_limit_per_ip
  common_rule_set_count_only = var.waf_common_rule_set_count_only
  tags                       = local.tags
}

# Fluent Bit ships the exqress namespace's container logs here (infra/argocd/cluster/fluent-bit.yaml).
resource "aws_cloudwatch_log_group" "containers" {
  name              = "/exqress/${var.environment}/containers"
  retention_in_days = var.log_retention_days
  tags              = local.tags
}
