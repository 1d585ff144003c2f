# State in S3, locked in DynamoDB. Both are made once by hand before the first terraform init (README "Deploy
# to AWS"); bucket names are global, so pass yours with terraform init -backend-config="bucket=…".
terraform {
  backend "s3" {
    bucket         = "exqress-terraform-state"
    key            = "production/terraform.tfstate"
    region         = "eu-central-1"
    dynamodb_table = "exqress-terraform-locks"
    encrypt        = true
  }
}
