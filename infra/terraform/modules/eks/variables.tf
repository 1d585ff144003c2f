variable "name" {
  description = "The cluster's name."
  type        = string
}

variable "kubernetes_version" {
  description = "The EKS Kubernetes version."
  type        = string
  default     = "1.31"
}

variable "subnet_ids" {
  description = "Private subnets, one per zone, for the control plane's interfaces and the nodes."
  type        = list(string)
}

variable "endpoint_public_access" {
  description = "Whether the Kubernetes API is reachable from the internet (still only with IAM credentials)."
  type        = bool
  default     = true
}

variable "public_access_cidrs" {
  description = "Where the public Kubernetes API may be reached from; narrow it to your offices and CI."
  type        = list(string)
  default     = ["0.0.0.0/0"]
}

variable "admin_role_arns" {
  description = "IAM roles that administer the cluster (people and the pipeline that bootstraps Argo CD)."
  type        = list(string)
  default     = []
}

variable "node_instance_types" {
  description = "Instance types of the managed node group."
  type        = list(string)
  default     = ["m6i.large"]
}

variable "node_capacity_type" {
  description = "ON_DEMAND or SPOT."
  type        = string
  default     = "ON_DEMAND"
}

variable "node_min_size" {
  description = "Fewest nodes: one per zone, so topology spread has somewhere to go."
  type        = number
  default     = 3
}

variable "node_desired_size" {
  description = "Nodes at creation; the cluster autoscaler moves it afterwards."
  type        = number
  default     = 3
}

variable "node_max_size" {
  description = "Most nodes."
  type        = number
  default     = 9
}

variable "node_disk_size" {
  description = "Root volume of each node, in GiB."
  type        = number
  default     = 50
}

variable "log_retention_days" {
  description = "How long the control plane's logs are kept."
  type        = number
  default     = 90
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
