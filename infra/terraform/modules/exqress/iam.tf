# AWS identities of the pods (IRSA): one role per Kubernetes service account, each allowed only what that
# workload does.

locals {
  # Only projections speaks Kafka (the relay publishes the integration events, the webhooks consume them);
  # command-api and query-api get no MSK access at all.
  services = {
    "command-api" = { kafka = false }
    "query-api"   = { kafka = false }
    "projections" = { kafka = true }
  }
  # The relay's topic (EXQRESS_RELAY_TOPIC) and the webhooks' consumer group, as the services name them.
  kafka_topic          = "exqress.waybill-events.v1"
  kafka_consumer_group = "exqress-webhooks"
}

data "aws_iam_policy_document" "service" {
  for_each = local.services

  # The master keys are decrypted once at start-up; the encryption context binds the ciphertext to that one use.
  statement {
    sid       = "OpenTheDataMasterKeys"
    actions   = ["kms:Decrypt"]
    resources = [module.kms.data_keys_key_arn]
    condition {
      test     = "StringEquals"
      variable = "kms:EncryptionContext:purpose"
      values   = ["exqress-data-master-keys"]
    }
  }

  dynamic "statement" {
    for_each = each.value.kafka ? ["cluster"] : []
    content {
      sid       = "ConnectToKafka"
      actions   = ["kafka-cluster:Connect", "kafka-cluster:DescribeCluster", "kafka-cluster:WriteDataIdempotently"]
      resources = [module.msk.cluster_arn]
    }
  }

  # The relay creates its topic at start-up when it is missing, then writes; the webhooks read it.
  dynamic "statement" {
    for_each = each.value.kafka ? ["topic"] : []
    content {
      sid = "UseTheIntegrationEventsTopic"
      actions = [
        "kafka-cluster:CreateTopic",
        "kafka-cluster:DescribeTopic",
        "kafka-cluster:DescribeTopicDynamicConfiguration",
        "kafka-cluster:WriteData",
        "kafka-cluster:ReadData",
      ]
      resources = ["${module.msk.topic_arn_prefix}${local.kafka_topic}"]
    }
  }

  dynamic "statement" {
    for_each = each.value.kafka ? ["group"] : []
    content {
      sid       = "JoinTheWebhooksConsumerGroup"
      actions   = ["kafka-cluster:AlterGroup", "kafka-cluster:DescribeGroup"]
      resources = ["${module.msk.group_arn_prefix}${local.kafka_consumer_group}"]
    }
  }
}

module "service_role" {
  source            = "../irsa-role"
  for_each          = local.services
  name              = "${local.name}-${each.key}"
  oidc_provider_arn = module.eks.oidc_provider_arn
  oidc_issuer_host  = module.eks.oidc_issuer_host
  namespace         = var.namespace
  service_account   = each.key
  policy_json       = data.aws_iam_policy_document.service[each.key].json
  tags              = local.tags
}

# External Secrets Operator reads exactly the secrets of secrets.tf and the database owner's, nothing else.
data "aws_iam_policy_document" "external_secrets" {
  statement {
    sid     = "ReadExqressSecrets"
    actions = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
    resources = concat(
      [aws_secretsmanager_secret.database_app.arn, aws_secretsmanager_secret.data_master_keys.arn, module.rds.owner_secret_arn],
      [aws_secretsmanager_secret.checkpoint_keys.arn],
      [for secret in aws_secretsmanager_secret.label_keys : secret.arn],
    )
  }

  statement {
    sid       = "DecryptThemThroughSecretsManager"
    actions   = ["kms:Decrypt"]
    resources = [module.rds.kms_key_arn, module.kms.label_keys_key_arn]
    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["secretsmanager.${local.region}.amazonaws.com"]
    }
  }
}

module "external_secrets_role" {
  source            = "../irsa-role"
  name              = "${local.name}-external-secrets"
  oidc_provider_arn = module.eks.oidc_provider_arn
  oidc_issuer_host  = module.eks.oidc_issuer_host
  namespace         = "external-secrets"
  service_account   = "external-secrets"
  policy_json       = data.aws_iam_policy_document.external_secrets.json
  tags              = local.tags
}

data "aws_iam_policy_document" "fluent_bit" {
  statement {
    sid       = "WriteContainerLogs"
    actions   = ["logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.containers.arn}:*"]
  }
}

module "fluent_bit_role" {
  source            = "../irsa-role"
  name              = "${local.name}-fluent-bit"
  oidc_provider_arn = module.eks.oidc_provider_arn
  oidc_issuer_host  = module.eks.oidc_issuer_host
  namespace         = "logging"
  service_account   = "fluent-bit"
  policy_json       = data.aws_iam_policy_document.fluent_bit.json
  tags              = local.tags
}

# The AWS Load Balancer Controller makes the ALB for the Ingress, its target groups and security groups, and
# attaches the WAF web ACL. This is broader than the controller's own published policy, which also scopes its
# writes by the tags it puts on what it creates; use that one where your organisation asks for it.
data "aws_iam_policy_document" "load_balancer_controller" {
  statement {
    sid = "Read"
    actions = [
      "acm:DescribeCertificate",
      "acm:ListCertificates",
      "ec2:Describe*",
      "ec2:GetSecurityGroupsForVpc",
      "elasticloadbalancing:Describe*",
      "shield:GetSubscriptionState",
      "wafv2:GetWebACL",
      "wafv2:GetWebACLForResource",
    ]
    resources = ["*"]
  }

  statement {
    sid       = "CreateTheElbServiceLinkedRole"
    actions   = ["iam:CreateServiceLinkedRole"]
    resources = ["*"]
    condition {
      test     = "StringEquals"
      variable = "iam:AWSServiceName"
      values   = ["elasticloadbalancing.amazonaws.com"]
    }
  }

  statement {
    sid = "ManageLoadBalancers"
    actions = [
      "elasticloadbalancing:AddListenerCertificates",
      "elasticloadbalancing:AddTags",
      "elasticloadbalancing:CreateListener",
      "elasticloadbalancing:CreateLoadBalancer",
      "elasticloadbalancing:CreateRule",
      "elasticloadbalancing:CreateTargetGroup",
      "elasticloadbalancing:DeleteListener",
      "elasticloadbalancing:DeleteLoadBalancer",
      "elasticloadbalancing:DeleteRule",
      "elasticloadbalancing:DeleteTargetGroup",
      "elasticloadbalancing:DeregisterTargets",
      "elasticloadbalancing:ModifyListener",
      "elasticloadbalancing:ModifyLoadBalancerAttributes",
      "elasticloadbalancing:ModifyRule",
      "elasticloadbalancing:ModifyTargetGroup",
      "elasticloadbalancing:ModifyTargetGroupAttributes",
      "elasticloadbalancing:RegisterTargets",
      "elasticloadbalancing:RemoveListenerCertificates",
      "elasticloadbalancing:RemoveTags",
      "elasticloadbalancing:SetIpAddressType",
      "elasticloadbalancing:SetSecurityGroups",
      "elasticloadbalancing:SetSubnets",
      "elasticloadbalancing:SetWebAcl",
    ]
    resources = ["*"]
  }

  statement {
    sid = "ManageLoadBalancerSecurityGroups"
    actions = [
      "ec2:AuthorizeSecurityGroupIngress",
      "ec2:CreateSecurityGroup",
      "ec2:CreateTags",
      "ec2:DeleteSecurityGroup",
      "ec2:DeleteTags",
      "ec2:RevokeSecurityGroupIngress",
    ]
    resources = ["*"]
  }

  statement {
    sid       = "AttachTheWebAcl"
    actions   = ["wafv2:AssociateWebACL", "wafv2:DisassociateWebACL"]
    resources = ["*"]
  }
}

module "load_balancer_controller_role" {
  source            = "../irsa-role"
  name              = "${local.name}-load-balancer-controller"
  oidc_provider_arn = module.eks.oidc_provider_arn
  oidc_issuer_host  = module.eks.oidc_issuer_host
  namespace         = "kube-system"
  service_account   = "aws-load-balancer-controller"
  policy_json       = data.aws_iam_policy_document.load_balancer_controller.json
  tags              = local.tags
}
