output "cluster_arn" {
  description = "The cluster's ARN, the resource of kafka-cluster:Connect."
  value       = aws_msk_cluster.this.arn
}

output "bootstrap_brokers_sasl_iam" {
  description = "KAFKA_BOOTSTRAP_SERVERS for clients authenticating with IAM."
  value       = aws_msk_cluster.this.bootstrap_brokers_sasl_iam
}

output "topic_arn_prefix" {
  description = "ARN prefix of the cluster's topics; append a topic name or pattern."
  value       = "${replace(aws_msk_cluster.this.arn, ":cluster/", ":topic/")}/"
}

output "group_arn_prefix" {
  description = "ARN prefix of the cluster's consumer groups; append a group name or pattern."
  value       = "${replace(aws_msk_cluster.this.arn, ":cluster/", ":group/")}/"
}

output "security_group_id" {
  description = "The brokers' security group."
  value       = aws_security_group.this.id
}
