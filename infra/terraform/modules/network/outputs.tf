output "vpc_id" {
  description = "The VPC's id."
  value       = aws_vpc.this.id
}

output "vpc_cidr_block" {
  description = "The VPC's address range."
  value       = aws_vpc.this.cidr_block
}

output "azs" {
  description = "The availability zones the subnets span, in subnet order."
  value       = local.azs
}

output "public_subnet_ids" {
  description = "One public subnet per zone: load balancers and NAT gateways only."
  value       = aws_subnet.public[*].id
}

output "private_subnet_ids" {
  description = "One private subnet per zone: EKS nodes, RDS and MSK."
  value       = aws_subnet.private[*].id
}
