variable "environment" {
  description = "The environment's name (staging, production); names everything, and its Argo CD overlay."
  type        = string
}

variable "namespace" {
  description = "The Kubernetes namespace the services run in (as in infra/argocd)."
  type        = string
  default     = "exqress"
}

variable "carriers" {
  description = "Carrier codes with label signing keys (as in exqress/carriers.json): one Secrets Manager secret each."
  type        = list(string)
  default     = ["SWP", "BLR", "NRT"]
}

variable "vpc_cidr" {
  description = "The VPC's address range."
  type        = string
  default     = "10.40.0.0/16"
}

variable "az_count" {
  description = "Availability zones to span."
  type        = number
  default     = 3
}

variable "single_nat_gateway" {
  description = "One NAT gateway instead of one per zone."
  type        = bool
  default     = false
}

variable "kubernetes_version" {
  description = "The EKS Kubernetes version."
  type        = string
  default     = "1.31"
}

variable "eks_public_access_cidrs" {
  description = "Where the Kubernetes API may be reached from."
  type        = list(string)
  default     = ["0.0.0.0/0"]
}

variable "eks_admin_role_arns" {
  description = "IAM roles that administer the cluster."
  type        = list(string)
  default     = []
}

variable "node_instance_types" {
  description = "Instance types of the node group."
  type        = list(string)
  default     = ["m6i.large"]
}

variable "node_min_size" {
  description = "Fewest nodes."
  type        = number
  default     = 3
}

variable "node_max_size" {
  description = "Most nodes."
  type        = number
  default     = 9
}

variable "db_instance_class" {
  description = "The RDS instance class."
  type        = string
  default     = "db.m6g.large"
}

variable "db_allocated_storage" {
  description = "RDS storage at creation, in GiB."
  type        = number
  default     = 100
}

variable "db_multi_az" {
  description = "A standby in another zone."
  type        = bool
  default     = true
}

variable "db_backup_retention_days" {
  description = "Days of RDS backups."
  type        = number
  default     = 14
}

variable "db_deletion_protection" {
  description = "Refuse to delete the database."
  type        = bool
  default     = true
}

variable "kafka_broker_instance_type" {
  description = "The MSK brokers' instance type."
  type        = string
  default     = "kafka.m7g.large"
}

variable "kafka_broker_volume_size" {
  description = "Each MSK broker's storage, in GiB."
  type        = number
  default     = 100
}

variable "log_retention_days" {
  description = "How long the containers' logs are kept in CloudWatch."
  type        = number
  default     = 90
}

variable "waf_scans_limit_per_ip" {
  description = "Requests to /scans per client IP in 5 minutes."
  type        = number
  default     = 6000
}

variable "waf_login_limit_per_ip" {
  description = "Requests to /auth/login per client IP in 5 minutes."
  type        = number
  default     = 100
}

variable "waf_common_rule_set_count_only" {
  description = "Core rule set rules that only count."
  type        = list(string)
  default     = []
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
