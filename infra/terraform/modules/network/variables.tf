variable "name" {
  description = "Name of the VPC; prefixes the Name tag of everything in it."
  type        = string
}

variable "cidr_block" {
  description = "The VPC's address range. Public subnets take a /22 of it per zone, private subnets a /19."
  type        = string
  default     = "10.40.0.0/16"
}

variable "az_count" {
  description = "How many availability zones the subnets span."
  type        = number
  default     = 3
}

variable "single_nat_gateway" {
  description = "One NAT gateway for every zone: cheaper, but a zone outage then cuts the other zones' egress too."
  type        = bool
  default     = false
}

variable "cluster_name" {
  description = "The EKS cluster whose load balancers may be placed in these subnets (subnet discovery tags)."
  type        = string
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
