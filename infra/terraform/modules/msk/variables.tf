variable "name" {
  description = "The cluster's name."
  type        = string
}

variable "vpc_id" {
  description = "The VPC the brokers live in."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets, one per zone; one broker per subnet."
  type        = list(string)
}

variable "client_security_group_ids" {
  description = "Security groups whose members may connect to the brokers (the EKS cluster's)."
  type        = list(string)
}

variable "kafka_version" {
  description = "The Apache Kafka version of the brokers."
  type        = string
  default     = "3.6.0"
}

variable "broker_instance_type" {
  description = "The brokers' instance type."
  type        = string
  default     = "kafka.m7g.large"
}

variable "broker_volume_size" {
  description = "Each broker's storage, in GiB."
  type        = number
  default     = 100
}

variable "log_retention_days" {
  description = "How long the brokers' logs are kept."
  type        = number
  default     = 30
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
