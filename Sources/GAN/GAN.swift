// GAN module
