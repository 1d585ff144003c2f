# The two keys Exqress's own secrets hang on.
#
# data_keys wraps the services' master keys (EXQRESS_DATAKEYS_KMSWRAPPED, README "Personal data and disposal").
# The services decrypt with it once at start-up, through their IRSA roles and only with the encryption context
# purpose=exqress-data-master-keys; nothing else may.
#
# label_keys encrypts the signing keys in Secrets Manager: the carriers' label signing JWK sets and query-api's
# audit checkpoint key. The services sign with the JWKs themselves (labels are signed per request, far too often
# for a KMS call each); this key guards them at rest and decides who can read them.
#
# Both key policies leave authorisation to IAM policies in this account (the usual "enable IAM policies"
# statement), so who may use a key is written next to the role that uses it (modules/exqress/iam.tf).

data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

data "aws_iam_policy_document" "key" {
  statement {
    sid       = "EnableIamPoliciesOfThisAccount"
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root"]
    }
  }
}

resource "aws_kms_key" "data_keys" {
  description             = "${var.name}: wraps the data master keys (EXQRESS_DATAKEYS_KMSWRAPPED)"
  enable_key_rotation     = true
  deletion_window_in_days = var.deletion_window_in_days
  policy                  = data.aws_iam_policy_document.key.json
  tags                    = var.tags
}

resource "aws_kms_alias" "data_keys" {
  name          = "alias/${var.name}-data-keys"
  target_key_id = aws_kms_key.data_keys.key_id
}

resource "aws_kms_key" "label_keys" {
  description             = "${var.name}: encrypts the label and checkpoint signing keys in Secrets Manager"
  enable_key_rotation     = true
  deletion_window_in_days = var.deletion_window_in_days
  policy                  = data.aws_iam_policy_document.key.json
  tags                    = var.tags
}

resource "aws_kms_alias" "label_keys" {
  name          = "alias/${var.name}-label-keys"
  target_key_id = aws_kms_key.label_keys.key_id
}
