# Staging: the same shape as production at a smaller size, and deletable.

module "exqress" {
  source      = "../../modules/exqress"
  environment = "staging"
  vpc_cidr    = "10.41.0.0/16"

  # One NAT gateway and a single-zone database: staging may go down with a zone.
  single_nat_gateway = true
  db_multi_az        = false

  node_instance_types        = ["m6i.large"]
  node_min_size              = 3
  node_max_size              = 6
  db_instance_class          = "db.t4g.medium"
  db_backup_retention_days   = 3
  db_deletion_protection     = false
  kafka_broker_instance_type = "kafka.t3.small"
  log_retention_days         = 14
}
